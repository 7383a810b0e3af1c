package dev.shiprun.runner.resource;

import dev.shiprun.spi.ResourceType;

/**
 * {@code cliConfig}: configures a CLI from its integration, whose files shiprun writes for every
 * type; the plain rules.
 */
public final class CliConfigResourceType implements ResourceType {

  @Override
  public String name() {
    return "cliConfig";
  }
}
