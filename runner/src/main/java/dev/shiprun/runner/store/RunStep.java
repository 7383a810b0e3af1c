package dev.shiprun.runner.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One step of a run as users follow it: a TASK, a hook section (on_start, on_success, on_failure,
 * always), or the body of a job type that runs its own way (a CI build), with how it ended and how
 * long it took.
 *
 * @param name how the log names it: {@code on_start}, the TASK's name (or {@code Task 0}), the hook
 *     section, or the job type of a build
 * @param status how it ended: {@code success} for a hook section whose errors are ignored
 */
public record RunStep(
    String name, Kind kind, RunStatus status, Instant startedAt, Duration duration) {

  /** What kind of script a step ran. */
  public enum Kind {
    TASK,
    HOOK,
    BUILD;

    /** The name in JSON and the store: lower case. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind fromWire(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }
  }

  public RunStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
  }
}
