package dev.shiprun.model;

import java.util.Objects;

/** Files kept between runs and jobs; never triggers, may be IN and OUT of a job. */
public record StateResource(ResourceHeader header) implements Resource {

  public StateResource {
    Objects.requireNonNull(header, "header");
  }

  @Override
  public <T> T accept(ResourceVisitor<T> visitor) {
    return visitor.state(this);
  }

  @Override
  public boolean isState() {
    return true;
  }
}
