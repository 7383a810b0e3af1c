package dev.shiprun.model;

import java.util.List;
import java.util.Objects;

/** A runSh job: shell TASKs on the host or in a container. */
public record RunShJob(JobHeader header, List<Step> steps, JobHooks hooks) implements Job {

  public RunShJob {
    Objects.requireNonNull(header, "header");
    steps = List.copyOf(steps);
    Objects.requireNonNull(hooks, "hooks");
  }
}
