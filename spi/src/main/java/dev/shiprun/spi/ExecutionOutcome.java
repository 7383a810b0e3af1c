package dev.shiprun.spi;

import java.util.List;
import java.util.Objects;

/**
 * How a script an {@link Executor} ran ended. Each outcome carries the executor's notes about the
 * processes it had to stop, one line each, for the job's log.
 */
public sealed interface ExecutionOutcome {

  List<String> notes();

  /** Every item ran (and on_success, always when given). */
  record Succeeded(List<String> notes) implements ExecutionOutcome {
    public Succeeded {
      notes = List.copyOf(notes);
    }
  }

  /**
   * The script failed.
   *
   * @param exitCode the shell's exit code
   * @param message one line for the log, e.g. {@code script item 3 of 5 failed with exit code 7}
   */
  record Failed(int exitCode, String message, List<String> notes) implements ExecutionOutcome {
    public Failed {
      Objects.requireNonNull(message, "message");
      notes = List.copyOf(notes);
    }
  }

  /** The deadline passed; the script and everything it started were stopped. */
  record TimedOut(List<String> notes) implements ExecutionOutcome {
    public TimedOut {
      notes = List.copyOf(notes);
    }
  }

  /** The cancel signal was set; the script and everything it started were stopped. */
  record Cancelled(List<String> notes) implements ExecutionOutcome {
    public Cancelled {
      notes = List.copyOf(notes);
    }
  }

  /**
   * The executor could not run the script (no shell, no such folder) or lost its output: the
   * runner's fault, not the script's.
   *
   * @param reason one line for the user
   */
  record Errored(String reason) implements ExecutionOutcome {
    public Errored {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public List<String> notes() {
      return List.of();
    }
  }
}
