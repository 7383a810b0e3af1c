package dev.shiprun.runner.resource;

import dev.shiprun.spi.ResourceType;

/**
 * {@code notification}: where NOTIFY sends messages; the plain rules (the model says NOTIFY may
 * name it).
 */
public final class NotificationResourceType implements ResourceType {

  @Override
  public String name() {
    return "notification";
  }
}
