package dev.shiprun.runner.engine.job;

/**
 * One step of a job's run (see {@link JobRunner}): prepare the build folder, registry access, the
 * environment, notify on_start, the tasks, read the versions, the leak check. Each returns what
 * became of the run; the job's end is made of it in one place ({@link JobEnding}).
 */
@FunctionalInterface
interface JobStep {

  StepOutcome run(JobRun run);
}
