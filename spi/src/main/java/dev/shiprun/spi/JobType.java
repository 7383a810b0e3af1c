package dev.shiprun.spi;

import dev.shiprun.model.Job;
import java.util.List;

/**
 * One job type (a job's {@code type:}, such as {@code runSh}): what a run of such a job runs. Its
 * {@link #name()} is the YAML's type name.
 */
public interface JobType extends Plugin {

  /** The scripts a run of {@code job} runs, in order; after a failing one the rest are skipped. */
  List<TaskPlan> tasks(Job job);

  /** What runs once a run of {@code job} was stopped (timeout, cancel); empty for nothing. */
  Script onCancel(Job job);
}
