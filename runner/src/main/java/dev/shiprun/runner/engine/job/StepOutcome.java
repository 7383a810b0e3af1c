package dev.shiprun.runner.engine.job;

import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.RunStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What became of a job's run after one of its steps (see {@link JobEnding} for each end). */
sealed interface StepOutcome {

  /** On to the next step, with what this one added. */
  record Next(JobRun run) implements StepOutcome {
    public Next {
      Objects.requireNonNull(run, "run");
    }
  }

  /**
   * The run ends here and posts no version; {@code report} is the job type's (masked; empty for
   * none).
   */
  record Finished(RunStatus status, Optional<String> reason, Map<String, Object> report)
      implements StepOutcome {
    public Finished {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reason, "reason");
      report = Collections.unmodifiableMap(new LinkedHashMap<>(report));
    }

    Finished(RunStatus status, Optional<String> reason) {
      this(status, reason, Map.of());
    }

    /** An empty reason is none. */
    static Finished of(RunStatus status, String reason) {
      return new Finished(status, reason.isEmpty() ? Optional.empty() : Optional.of(reason));
    }
  }

  /**
   * The device of the home is full: the build folder goes to make room, and the run ends in error.
   */
  record DiskFull() implements StepOutcome {}

  /**
   * The run ends with the versions to store (masked), then its status.
   *
   * @param refused whether a secret in a version turned the run into a failure: the status line of
   *     the log then says why
   * @param report the job type's report, masked; empty for none
   */
  record Posting(
      RunStatus status,
      Optional<String> reason,
      boolean refused,
      NewVersion jobVersion,
      List<NewVersion> outs,
      Map<String, Object> report)
      implements StepOutcome {
    public Posting {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(jobVersion, "jobVersion");
      outs = List.copyOf(outs);
      report = Collections.unmodifiableMap(new LinkedHashMap<>(report));
    }
  }

  /** The job's log could not be written: the run ends in error with the reason, not logged. */
  record LogLost(String reason) implements StepOutcome {
    public LogLost {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
