package dev.shiprun.spi;

/**
 * A job type's own way of running a job's scripts, in place of the engine's run of {@link
 * JobType#tasks} in order: runCI's matrix build, whose jobs run in parallel, each with its own
 * variables, image and sections. The engine still makes the run's row, build folder and variables
 * before it, and keeps its log, status and versions after it.
 */
@FunctionalInterface
public interface JobBody {

  /**
   * Runs the job's scripts and returns when they and everything they started are gone, whatever way
   * they ended (the context's deadline and cancel signal included).
   */
  BodyOutcome run(JobContext context);
}
