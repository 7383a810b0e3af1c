package dev.shiprun.runner.store;

import java.time.Duration;
import java.time.Instant;

/** Steps for tests of listeners that only pass them on. */
public final class RunStepSample {

  private RunStepSample() {}

  /** A TASK named {@code name} that succeeded just now in no time. */
  public static RunStep success(String name) {
    return new RunStep(name, RunStep.Kind.TASK, RunStatus.SUCCESS, Instant.now(), Duration.ZERO);
  }
}
