package dev.shiprun.model;

import java.util.Objects;

/** A semantic version, seeded by {@code versionName}. */
public record VersionResource(ResourceHeader header) implements Resource {

  public VersionResource {
    Objects.requireNonNull(header, "header");
  }

  @Override
  public <T> T accept(ResourceVisitor<T> visitor) {
    return visitor.version(this);
  }
}
