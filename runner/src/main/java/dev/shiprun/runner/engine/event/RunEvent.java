package dev.shiprun.runner.engine.event;

import dev.shiprun.runner.store.RunStep;
import dev.shiprun.runner.store.StoredVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine tells of a job's run as it goes, in order: it started, its log lines (masked),
 * each step's start and end, the versions it posted, how many secrets were masked, its end. The
 * console, the daemon's live logs, metrics and event log each listen to these ({@link RunListener};
 * {@link RunListener#all} tells several).
 */
public sealed interface RunEvent {

  String job();

  long runId();

  /**
   * The run began: its log is open and its events follow.
   *
   * @param buildNumber its number among the runs of its job
   * @param line the assembly line the job belongs to
   * @param triggeredBy what set it off: {@code manual}, or the IN resource or job whose new version
   *     or success triggered it (as the run row keeps it)
   * @param queuedAt when its run was queued (a daemon request's own run); empty for a run made as
   *     it began
   * @param startedAt when it began
   */
  record JobStarted(
      String job,
      long runId,
      int buildNumber,
      String line,
      String triggeredBy,
      Optional<Instant> queuedAt,
      Instant startedAt)
      implements RunEvent {
    public JobStarted {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(triggeredBy, "triggeredBy");
      Objects.requireNonNull(queuedAt, "queuedAt");
      Objects.requireNonNull(startedAt, "startedAt");
    }

    /** How long the run waited in the queue; zero when it was not queued. */
    public Duration waited() {
      return queuedAt
          .map(q -> Duration.between(q, startedAt))
          .filter(d -> !d.isNegative())
          .orElse(Duration.ZERO);
    }
  }

  /** One line of the run's log, masked, once it is in the stored log. */
  record LogLine(String job, long runId, String text) implements RunEvent {
    public LogLine {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A step of the run began: a TASK, a hook section, a job type's build. A hook section that runs
   * in the shell of its TASK (on_success, on_failure, always) is told when that TASK has ended,
   * just before its own end.
   *
   * @param task how the log names it ({@code on_start}, a TASK's name)
   */
  record TaskStarted(String job, long runId, String task, RunStep.Kind kind, Instant startedAt)
      implements RunEvent {
    public TaskStarted {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(startedAt, "startedAt");
    }
  }

  /**
   * A step of the run ended.
   *
   * @param step how it ended: success for a step after which the job goes on, and for a hook
   *     section whose errors are ignored
   */
  record TaskEnded(String job, long runId, RunStep step) implements RunEvent {
    public TaskEnded {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(step, "step");
    }
  }

  /** The run's OUT versions are stored, with its status. */
  record VersionsPosted(String job, long runId, List<StoredVersion> versions) implements RunEvent {
    public VersionsPosted {
      Objects.requireNonNull(job, "job");
      versions = List.copyOf(versions);
    }
  }

  /** How many secrets the masker hid in the run's output (told once, as its log closes). */
  record Masked(String job, long runId, long matches) implements RunEvent {
    public Masked {
      Objects.requireNonNull(job, "job");
    }
  }

  /**
   * The run ended: its final status is stored, and its log (with what the end notifications wrote)
   * is complete.
   *
   * @param result how it ended; empty when the run broke off (the store failed), or never began
   *     (the daemon could not run its request)
   */
  record JobEnded(String job, long runId, Optional<JobResult> result) implements RunEvent {
    public JobEnded {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(result, "result");
    }
  }
}
