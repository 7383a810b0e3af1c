package dev.shiprun.runner.resource;

import dev.shiprun.spi.ResourceType;

/**
 * {@code image}: a container image, {@code sourceName} and a tag as versionName; the plain rules.
 */
public final class ImageResourceType implements ResourceType {

  @Override
  public String name() {
    return "image";
  }
}
