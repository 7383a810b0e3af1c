package dev.shiprun.spi;

import java.util.Set;

/**
 * Delivers a job's NOTIFY entries of some methods (spec §1.3.4). A delivery never changes the job's
 * status, so a notifier reports failure as a {@link Delivery}, never by throwing.
 */
public interface Notifier extends Plugin {

  /**
   * The methods it delivers (see {@link Notification#method()}); by default its name alone. Two
   * notifiers may not deliver one method.
   */
  default Set<String> methods() {
    return Set.of(name());
  }

  Delivery send(Notification notification);
}
