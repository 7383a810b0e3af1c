package dev.shiprun.model;

import java.util.Objects;

/** Any other resource type, kept with its fields as written. */
public record GenericResource(ResourceHeader header) implements Resource {

  public GenericResource {
    Objects.requireNonNull(header, "header");
  }

  @Override
  public <T> T accept(ResourceVisitor<T> visitor) {
    return visitor.generic(this);
  }
}
