package dev.shiprun.spi;

import dev.shiprun.model.Job;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One job type (a job's {@code type:}, such as {@code runSh}): what a run of such a job runs. */
public interface JobType extends Plugin {

  /**
   * The {@code type:} values it runs; by default its name alone. Two job types may not run one
   * value.
   */
  default Set<String> types() {
    return Set.of(name());
  }

  /** The scripts a run of {@code job} runs, in order; after a failing one the rest are skipped. */
  List<TaskPlan> tasks(Job job);

  /** What runs once a run of {@code job} was stopped (timeout, cancel); empty for nothing. */
  Script onCancel(Job job);

  /**
   * The type's own way of running {@code job}'s scripts, in place of {@link #tasks} run in order;
   * empty (the default) for the engine's way.
   */
  default Optional<JobBody> body(Job job) {
    return Optional.empty();
  }
}
