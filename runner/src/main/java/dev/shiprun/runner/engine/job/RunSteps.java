package dev.shiprun.runner.engine.job;

import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.engine.event.RunListener;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.RunStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of one run as they happen: each is told to the run's listeners as it begins and ends,
 * and kept, in order, to be stored with the run's end.
 */
final class RunSteps {

  /** A step that began and has not ended yet. */
  final class Begun {
    private final String name;
    private final RunStep.Kind kind;
    private final Instant startedAt;

    private Begun(String name, RunStep.Kind kind, Instant startedAt) {
      this.name = name;
      this.kind = kind;
      this.startedAt = startedAt;
    }

    Instant startedAt() {
      return startedAt;
    }

    /** It ended at {@code at} as {@code status}. */
    void end(RunStatus status, Instant at) {
      add(new RunStep(name, kind, status, startedAt, between(startedAt, at)));
    }
  }

  private final RunListener events;
  private final String job;
  private final long runId;
  private final List<RunStep> steps = new ArrayList<>();

  RunSteps(RunListener events, String job, long runId) {
    this.events = events;
    this.job = job;
    this.runId = runId;
  }

  /** A step begins now. */
  Begun begin(String name, RunStep.Kind kind) {
    Instant now = Instant.now();
    events.on(new RunEvent.TaskStarted(job, runId, name, kind, now));
    return new Begun(name, kind, now);
  }

  /** A step that is known only once it ended (a hook section run in its TASK's shell). */
  void ran(String name, RunStep.Kind kind, RunStatus status, Instant startedAt, Instant endedAt) {
    events.on(new RunEvent.TaskStarted(job, runId, name, kind, startedAt));
    add(new RunStep(name, kind, status, startedAt, between(startedAt, endedAt)));
  }

  /** The steps so far, in order. */
  synchronized List<RunStep> list() {
    return List.copyOf(steps);
  }

  private void add(RunStep step) {
    synchronized (this) {
      steps.add(step);
    }
    events.on(new RunEvent.TaskEnded(job, runId, step));
  }

  private static Duration between(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.isNegative() ? Duration.ZERO : d;
  }
}
