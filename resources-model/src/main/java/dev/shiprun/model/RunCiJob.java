package dev.shiprun.model;

import java.util.List;
import java.util.Objects;

/** A runCI job: CI commands from the repository's shippable.yml; no TASK of its own. */
public record RunCiJob(JobHeader header, List<Step> steps, JobHooks hooks) implements Job {

  public RunCiJob {
    Objects.requireNonNull(header, "header");
    steps = List.copyOf(steps);
    Objects.requireNonNull(hooks, "hooks");
  }
}
