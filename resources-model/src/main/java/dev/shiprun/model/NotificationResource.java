package dev.shiprun.model;

import java.util.Objects;

/** Where on_* NOTIFY entries and {@code shipctl notify} send messages. */
public record NotificationResource(ResourceHeader header) implements Resource {

  public NotificationResource {
    Objects.requireNonNull(header, "header");
  }

  @Override
  public <T> T accept(ResourceVisitor<T> visitor) {
    return visitor.notification(this);
  }

  @Override
  public boolean isNotificationTarget() {
    return true;
  }
}
