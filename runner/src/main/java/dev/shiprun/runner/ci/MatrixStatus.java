package dev.shiprun.runner.ci;

import dev.shiprun.spi.BodyOutcome;
import dev.shiprun.spi.ExecutionOutcome;
import java.util.List;
import java.util.Locale;

/** How one matrix job ended. */
enum MatrixStatus {
  SUCCESS,
  FAILURE,
  ERROR,
  TIMEOUT,
  CANCELLED,
  /** It never started: the build was cancelled or timed out first. */
  SKIPPED;

  /** The word of the report and the log. */
  String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How a section's script ended, as the job's status; a stop for silence is a timeout. */
  static MatrixStatus of(ExecutionOutcome outcome, boolean silent) {
    if (outcome instanceof ExecutionOutcome.Succeeded) {
      return SUCCESS;
    }
    if (outcome instanceof ExecutionOutcome.Failed) {
      return FAILURE;
    }
    if (outcome instanceof ExecutionOutcome.TimedOut) {
      return TIMEOUT;
    }
    if (outcome instanceof ExecutionOutcome.Cancelled) {
      return silent ? TIMEOUT : CANCELLED;
    }
    return ERROR;
  }

  /**
   * The build's status: cancelled when the run was; else the worst of the jobs that may not fail (a
   * timeout over an error over a failure); a job allowed to fail never fails the build.
   */
  static BodyOutcome.Ending build(List<Ended> jobs, boolean cancelled) {
    if (cancelled) {
      return BodyOutcome.Ending.CANCELLED;
    }
    BodyOutcome.Ending worst = BodyOutcome.Ending.SUCCESS;
    for (Ended job : jobs) {
      if (job.allowFailure()) {
        continue;
      }
      BodyOutcome.Ending ending =
          switch (job.status()) {
            case SUCCESS, SKIPPED -> BodyOutcome.Ending.SUCCESS;
            case FAILURE -> BodyOutcome.Ending.FAILURE;
            case ERROR -> BodyOutcome.Ending.ERROR;
            case TIMEOUT -> BodyOutcome.Ending.TIMEOUT;
            case CANCELLED -> BodyOutcome.Ending.CANCELLED;
          };
      if (rank(ending) > rank(worst)) {
        worst = ending;
      }
    }
    return worst;
  }

  /** A matrix job's status and whether it may fail. */
  record Ended(MatrixStatus status, boolean allowFailure) {}

  private static int rank(BodyOutcome.Ending ending) {
    return switch (ending) {
      case SUCCESS -> 0;
      case FAILURE -> 1;
      case ERROR -> 2;
      case TIMEOUT -> 3;
      case CANCELLED -> 4;
    };
  }
}
