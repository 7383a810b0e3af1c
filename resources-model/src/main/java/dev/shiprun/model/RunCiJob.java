package dev.shiprun.model;

import dev.shiprun.model.ci.CiConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A runCI job: CI commands from the repository's shippable.yml; no TASK of its own.
 *
 * @param ci the CI part of the shippable.yml it builds, when the line was read with its repository
 *     (a runCI job of another repository has none: it only waits for that repository's CI)
 */
public record RunCiJob(JobHeader header, List<Step> steps, JobHooks hooks, Optional<CiConfig> ci)
    implements Job {

  public RunCiJob {
    Objects.requireNonNull(header, "header");
    steps = List.copyOf(steps);
    Objects.requireNonNull(hooks, "hooks");
    Objects.requireNonNull(ci, "ci");
  }

  /** A runCI job without the CI part of its repository's shippable.yml. */
  public RunCiJob(JobHeader header, List<Step> steps, JobHooks hooks) {
    this(header, steps, hooks, Optional.empty());
  }
}
