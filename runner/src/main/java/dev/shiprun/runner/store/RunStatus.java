package dev.shiprun.runner.store;

import java.util.Locale;

/**
 * Where a run is (spec §1.6 step 11, §6.3). {@code failure} is a script that failed, {@code error}
 * the runner that could not set the job up; {@code interrupted} marks a run whose process died (a
 * crash, {@code kill -9}) and was found so on the next start.
 */
public enum RunStatus {
  QUEUED,
  PROCESSING,
  SUCCESS,
  FAILURE,
  ERROR,
  CANCELLED,
  TIMEOUT,
  INTERRUPTED;

  /** The name in the store, logs and JSON: lower case, as Shippable wrote it. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunStatus fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  public boolean isFinal() {
    return this != QUEUED && this != PROCESSING;
  }

  /** Statuses that post a job version (spec §1.5: success and failure do, the others do not). */
  public boolean postsJobVersion() {
    return this == SUCCESS || this == FAILURE;
  }
}
