package dev.shiprun.runner.ci;

import dev.shiprun.model.Job;
import dev.shiprun.model.RunCiJob;
import dev.shiprun.spi.JobBody;
import dev.shiprun.spi.JobType;
import dev.shiprun.spi.Script;
import dev.shiprun.spi.TaskPlan;
import java.util.List;
import java.util.Optional;

/**
 * {@code runCI} (spec §2): the CI build of a repository's shippable.yml. A runCI job without the CI
 * part of its repository (another repository's, which this line only waits for) runs nothing.
 */
public final class CiJobType implements JobType {

  private final CiSeams seams;

  /** The type with the cache, services, credentials and notifications shiprun's jar provides. */
  public CiJobType() {
    this(CiSeams.load(CiJobType.class.getClassLoader()));
  }

  public CiJobType(CiSeams seams) {
    this.seams = seams;
  }

  @Override
  public String name() {
    return "runCI";
  }

  @Override
  public List<TaskPlan> tasks(Job job) {
    return List.of();
  }

  @Override
  public Script onCancel(Job job) {
    return Script.of(List.of());
  }

  @Override
  public Optional<JobBody> body(Job job) {
    return job instanceof RunCiJob ci
        ? ci.ci().map(config -> new CiBuildRun(config, seams))
        : Optional.empty();
  }
}
