package dev.shiprun.runner.exec;

import java.time.Duration;
import java.util.Objects;

/** How a {@link Launch} ended. */
public sealed interface LaunchResult {

  /**
   * The script ended by itself.
   *
   * @param code its exit code (128 + N when a signal N ended it)
   * @param leftovers processes it left running, which were then killed
   */
  record Exited(int code, KillReport leftovers) implements LaunchResult {
    public Exited {
      Objects.requireNonNull(leftovers, "leftovers");
    }
  }

  /** The limit passed; the script and everything it started were killed. */
  record TimedOut(Duration limit, KillReport killed) implements LaunchResult {
    public TimedOut {
      Objects.requireNonNull(limit, "limit");
      Objects.requireNonNull(killed, "killed");
    }
  }

  /** {@link Cancellation#cancel()} was called; everything the script started was killed. */
  record Cancelled(KillReport killed) implements LaunchResult {
    public Cancelled {
      Objects.requireNonNull(killed, "killed");
    }
  }

  /**
   * shiprun could not run the script (bash missing, no such directory) or lost its output: the
   * runner's fault, not the script's.
   *
   * @param reason one line for the user
   */
  record Errored(String reason) implements LaunchResult {
    public Errored {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
