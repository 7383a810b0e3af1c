package dev.shiprun.model.plan;

import dev.shiprun.model.Job;
import dev.shiprun.model.env.JobEnv;
import java.util.List;
import java.util.Objects;

/**
 * One job of a plan: its wave (jobs of one wave may run in parallel; wave n runs after the jobs it
 * depends on in earlier waves), what it reads and writes, and the environment it would get.
 */
public record PlannedJob(Job job, int wave, List<String> reads, List<String> writes, JobEnv env) {

  public PlannedJob {
    Objects.requireNonNull(job, "job");
    reads = List.copyOf(reads);
    writes = List.copyOf(writes);
    Objects.requireNonNull(env, "env");
  }

  /** Whether the run would run it (see {@link NotRun} for why not). */
  public boolean runs() {
    return job.runByShiprun();
  }
}
