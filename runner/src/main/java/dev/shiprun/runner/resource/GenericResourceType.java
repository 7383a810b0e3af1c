package dev.shiprun.runner.resource;

import dev.shiprun.spi.ResourceType;

/**
 * Any {@code type:} that no record of the model and no other type claims (file, a type a plugin
 * that is not installed would own …): the plain rules of every method.
 */
public final class GenericResourceType implements ResourceType {

  /** Its name; the YAML never needs to write it. */
  public static final String NAME = "generic";

  @Override
  public String name() {
    return NAME;
  }
}
