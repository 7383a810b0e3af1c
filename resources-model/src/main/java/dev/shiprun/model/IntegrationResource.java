package dev.shiprun.model;

import java.util.Objects;

/** Exposes an account integration to the jobs that use it. */
public record IntegrationResource(ResourceHeader header) implements Resource {

  public IntegrationResource {
    Objects.requireNonNull(header, "header");
  }

  @Override
  public <T> T accept(ResourceVisitor<T> visitor) {
    return visitor.integration(this);
  }

  @Override
  public boolean needsIntegration() {
    return true;
  }
}
