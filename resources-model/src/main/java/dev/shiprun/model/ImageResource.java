package dev.shiprun.model;

import java.util.Objects;

/** An image: {@code sourceName} (repository) and a tag as versionName. */
public record ImageResource(ResourceHeader header) implements Resource {

  public ImageResource {
    Objects.requireNonNull(header, "header");
  }

  @Override
  public <T> T accept(ResourceVisitor<T> visitor) {
    return visitor.image(this);
  }
}
