package dev.shiprun.model;

import java.util.List;
import java.util.Objects;

/**
 * A job of a type shiprun does not run (a managed Shippable type or a typo); kept so references to
 * it resolve, reported as an error.
 */
public record UnsupportedJob(JobHeader header, List<Step> steps, JobHooks hooks) implements Job {

  public UnsupportedJob {
    Objects.requireNonNull(header, "header");
    steps = Steps.of(steps);
    Objects.requireNonNull(hooks, "hooks");
  }
}
