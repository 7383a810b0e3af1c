package dev.shiprun.runner.exec;

import java.util.Objects;
import java.util.Optional;

/** How a TASK's script went, read from what its wrapper recorded (see {@link TaskScriptFile}). */
public sealed interface TaskOutcome {

  /** Every item ran; on_success and always (when given) too. */
  record Succeeded() implements TaskOutcome {}

  /**
   * The task failed.
   *
   * @param exitCode bash's exit code
   * @param item the item that was running, when known
   * @param message one line for the log, e.g. {@code script item 3 of 5 failed with exit code 7}
   */
  record Failed(int exitCode, Optional<ScriptItem> item, String message) implements TaskOutcome {
    public Failed {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(message, "message");
    }
  }
}
