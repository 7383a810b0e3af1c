package dev.shiprun.model.ci;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code integrations.hub}, {@code notifications}, {@code key} or {@code generic}: the
 * integration it names, its type as written, and the branches it applies to.
 */
public record CiIntegration(
    String integrationName, Optional<String> type, Branches branches, SourceLocation at) {

  public CiIntegration {
    Objects.requireNonNull(integrationName, "integrationName");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(branches, "branches");
    Objects.requireNonNull(at, "at");
  }
}
