package dev.shiprun.runner.daemon.work;

import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.RunStep;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * A step of a run as the API shows it, in a run's {@code steps} and in a line's {@code step}
 * events; {@code durationMs} is null while the step runs.
 */
@RegisterForReflection // Jackson reads or writes it; a native image needs it declared
public record StepView(String name, String kind, String status, String startedAt, Long durationMs) {

  public static StepView of(RunStep step) {
    return new StepView(
        step.name(),
        step.kind().wire(),
        step.status().wire(),
        step.startedAt().toString(),
        step.duration().toMillis());
  }

  /** A step that began at {@code startedAt} and runs. */
  static StepView processing(String name, RunStep.Kind kind, Instant startedAt) {
    return new StepView(name, kind.wire(), RunStatus.PROCESSING.wire(), startedAt.toString(), null);
  }
}
