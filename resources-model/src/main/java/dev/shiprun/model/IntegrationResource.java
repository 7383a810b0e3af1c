package dev.shiprun.model;

import java.util.Objects;

/** Exposes an account integration to the jobs that use it. */
public record IntegrationResource(ResourceHeader header) implements Resource {

  public IntegrationResource {
    Objects.requireNonNull(header, "header");
  }
}
