package dev.shiprun.runner.engine.job;

import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.spi.ExecutionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one place a job's timeout and cancel are handled: around each script of its run. A script
 * does not start once the deadline has passed; a script that timed out or was cancelled ends the
 * run, after its stopped processes are logged and on_cancel ran.
 */
final class StopGuard {

  /** What the guard makes of a script's run. */
  sealed interface Guarded {}

  /** The script ran and ended by itself (or could not start): the caller reads its outcome. */
  record Ran(ExecutionOutcome outcome) implements Guarded {
    Ran {
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /** The run ends here, timed out or cancelled; on_cancel has run. */
  record Stopped(TaskSequence.Outcome outcome) implements Guarded {
    Stopped {
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  private final Consumer<String> log;
  private final Instant deadline;
  private final Duration limit;
  private final Runnable onCancel;

  /**
   * @param log the job's log (runner lines)
   * @param onCancel runs the job's on_cancel section, once its processes are gone
   */
  StopGuard(Consumer<String> log, Instant deadline, Duration limit, Runnable onCancel) {
    this.log = log;
    this.deadline = deadline;
    this.limit = limit;
    this.onCancel = onCancel;
  }

  /** Runs {@code script} (named {@code name} in the log) unless the time is up. */
  Guarded run(String name, Supplier<ExecutionOutcome> script) {
    Duration left = Duration.between(Instant.now(), deadline);
    if (left.isNegative() || left.isZero()) {
      log.accept("the job ran out of time (" + TaskSequence.minutes(limit) + ") before " + name);
      return stopped(timedOut());
    }
    ExecutionOutcome outcome = script.get();
    Optional<String> why = Optional.empty();
    if (outcome instanceof ExecutionOutcome.TimedOut) {
      log.accept(
          "timed out after " + TaskSequence.minutes(limit) + "; stopped every process of the job");
      outcome.notes().forEach(log);
      return stopped(timedOut());
    }
    if (outcome instanceof ExecutionOutcome.Cancelled) {
      log.accept("cancelled; stopped every process of the job");
      outcome.notes().forEach(log);
      return stopped(
          new TaskSequence.Outcome(
              RunStatus.CANCELLED,
              Optional.of(
                  "cancelled on request (Ctrl-C, TERM, or a cancel through the API or the page)")));
    }
    return new Ran(outcome);
  }

  private Stopped stopped(TaskSequence.Outcome outcome) {
    onCancel.run();
    return new Stopped(outcome);
  }

  private TaskSequence.Outcome timedOut() {
    return new TaskSequence.Outcome(
        RunStatus.TIMEOUT, Optional.of("timed out after " + TaskSequence.minutes(limit)));
  }
}
