package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What every resource has, whatever its type. */
public record ResourceHeader(
    String name,
    String type,
    Optional<Named> integration,
    ResourceDefinition definition,
    List<String> flags,
    SourceLocation at) {

  public ResourceHeader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(definition, "definition");
    flags = List.copyOf(flags);
    Objects.requireNonNull(at, "at");
  }
}
