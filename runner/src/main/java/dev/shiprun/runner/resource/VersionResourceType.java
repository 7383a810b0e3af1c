package dev.shiprun.runner.resource;

import dev.shiprun.spi.ResourceType;

/** {@code version}: a semantic version seeded by {@code versionName}; the plain rules. */
public final class VersionResourceType implements ResourceType {

  @Override
  public String name() {
    return "version";
  }
}
