package dev.shiprun.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A job of a type shiprun does not run (a managed Shippable type or a typo); kept so references to
 * it resolve. A typo is an error; a managed type is an error unless the validator allows managed
 * jobs, then a warning, and plan and run show the job as not run.
 */
public record UnsupportedJob(JobHeader header, List<Step> steps, JobHooks hooks) implements Job {

  public UnsupportedJob {
    Objects.requireNonNull(header, "header");
    steps = List.copyOf(steps);
    Objects.requireNonNull(hooks, "hooks");
  }

  /** The managed Shippable type, or empty for a type that is not one (a typo). */
  public Optional<ManagedJobType> managed() {
    return ManagedJobType.fromYaml(header.type());
  }
}
