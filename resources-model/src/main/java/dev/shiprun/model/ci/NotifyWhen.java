package dev.shiprun.model.ci;

import java.util.Locale;
import java.util.Optional;

/**
 * When a CI notification goes out for an outcome: {@code always}, {@code change}, {@code never}.
 */
public enum NotifyWhen {
  ALWAYS,
  CHANGE,
  NEVER;

  /** The word as written in the YAML. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<NotifyWhen> of(String word) {
    for (NotifyWhen w : values()) {
      if (w.word().equals(word)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }
}
