package dev.shiprun.runner.resource;

import dev.shiprun.spi.ResourceType;

/** {@code time}: fires on a cron {@code interval}; the plain rules (shiprun keeps no clock). */
public final class TimeResourceType implements ResourceType {

  @Override
  public String name() {
    return "time";
  }
}
