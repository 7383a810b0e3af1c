package dev.shiprun.runner.engine.job;

import dev.shiprun.spi.Delivery;
import dev.shiprun.spi.Notification;
import dev.shiprun.spi.Notifier;

/**
 * {@code method: email}: Shippable's servers sent these; there is no mail set-up here, so each one
 * is logged as not sent.
 */
public final class EmailNotifier implements Notifier {

  @Override
  public String name() {
    return "email";
  }

  @Override
  public Delivery send(Notification notification) {
    return new Delivery.NotSent(Notifications.cannotDeliver("email"));
  }
}
