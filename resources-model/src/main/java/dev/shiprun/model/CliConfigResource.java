package dev.shiprun.model;

import java.util.Objects;

/** Configures a CLI (docker, aws, kubectl …) from its integration. */
public record CliConfigResource(ResourceHeader header) implements Resource {

  public CliConfigResource {
    Objects.requireNonNull(header, "header");
  }

  @Override
  public <T> T accept(ResourceVisitor<T> visitor) {
    return visitor.cliConfig(this);
  }

  @Override
  public boolean needsIntegration() {
    return true;
  }
}
