package dev.shiprun.model.yaml;

import java.util.Objects;

/** One {@code key: value} pair of a mapping; the key keeps its own position. */
public record YamlEntry(YamlScalar key, YamlValue value) {

  public YamlEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  public String name() {
    return key.text();
  }
}
