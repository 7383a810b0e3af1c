package dev.shiprun.model;

import java.util.Objects;

/** Fires on a cron {@code interval} (UTC). */
public record TimeResource(ResourceHeader header) implements Resource {

  public TimeResource {
    Objects.requireNonNull(header, "header");
  }

  @Override
  public <T> T accept(ResourceVisitor<T> visitor) {
    return visitor.time(this);
  }
}
