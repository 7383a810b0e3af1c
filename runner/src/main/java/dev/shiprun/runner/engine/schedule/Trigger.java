package dev.shiprun.runner.engine.schedule;

import dev.shiprun.model.DependencyMode;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import java.util.Objects;

/**
 * What set a job off in this invocation, and the dependencyMode that decides when it may start: the
 * mode of the IN that triggered it when that IN has one (spec §1.4), else the job's.
 *
 * @param by the IN resource or job whose new version or success triggered the job, or {@code
 *     manual} (JOB_TRIGGERED_BY_NAME)
 * @param manual the user asked for the job (a root of the line, or {@code --job})
 */
record Trigger(String by, DependencyMode mode, boolean manual) {

  Trigger {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(mode, "mode");
  }

  static Trigger manual(Job job) {
    return new Trigger("manual", job.header().dependencyMode(), true);
  }

  /** A trigger through one of the job's INs. */
  static Trigger through(Job job, InStep in) {
    return new Trigger(in.name(), in.dependencyMode().orElse(job.header().dependencyMode()), false);
  }
}
