package dev.shiprun.spi;

import java.util.Objects;

/** What became of one notification: each ends in one line of the job's log. */
public sealed interface Delivery {

  /** The line's end, after {@code NOTIFY <resource> (<event>) }. */
  String text();

  /** The receiver took it. */
  record Delivered() implements Delivery {
    @Override
    public String text() {
      return "delivered";
    }
  }

  /** It was tried and failed, e.g. the endpoint answered with an error. */
  record NotDelivered(String reason) implements Delivery {
    public NotDelivered {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String text() {
      return "not delivered: " + reason;
    }
  }

  /** It was not tried: this machine cannot send it. */
  record NotSent(String reason) implements Delivery {
    public NotSent {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String text() {
      return "not sent: " + reason;
    }
  }
}
