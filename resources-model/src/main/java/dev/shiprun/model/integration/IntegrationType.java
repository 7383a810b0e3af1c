package dev.shiprun.model.integration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An integration type: its Shippable {@code masterName}, the names users also write for it, its
 * fields (which are secret, which are required), and the URL used when none is given.
 */
public record IntegrationType(
    String masterName,
    String displayName,
    List<String> aliases,
    List<IntegrationField> fields,
    Optional<String> defaultUrl) {

  public IntegrationType {
    Objects.requireNonNull(masterName, "masterName");
    Objects.requireNonNull(displayName, "displayName");
    aliases = List.copyOf(aliases);
    fields = List.copyOf(fields);
    Objects.requireNonNull(defaultUrl, "defaultUrl");
  }

  public Optional<IntegrationField> field(String name) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }

  /** Whether {@code name} (as written in YAML) means this type. */
  public boolean isCalled(String name) {
    return masterName.equalsIgnoreCase(name)
        || displayName.equalsIgnoreCase(name)
        || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(name));
  }
}
