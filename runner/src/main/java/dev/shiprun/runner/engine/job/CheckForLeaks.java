package dev.shiprun.runner.engine.job;

import dev.shiprun.runner.engine.log.JobLog;
import dev.shiprun.runner.engine.log.LeakCheck;
import dev.shiprun.runner.store.RunStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Fail closed: the stored log is masked again where a line holds a secret the masker learnt too
 * late, and the log says where, never what; with {@code --strict-secrets} the job fails and posts
 * no version (a failed run's folder gets its previous state back, as after any failure).
 */
final class CheckForLeaks implements JobStep {

  private final DiskSpace disk;

  CheckForLeaks(DiskSpace disk) {
    this.disk = disk;
  }

  @Override
  public StepOutcome run(JobRun run) {
    JobLog log = run.log();
    try {
      List<String> places = log.scrub(new LeakCheck(log.masker()));
      if (places.isEmpty()) {
        return new StepOutcome.Next(run);
      }
      String where = "a secret got past the masker into " + String.join("; ", places);
      if (run.settings().strictSecrets()) {
        TaskSequence.Outcome tasks = run.tasks().orElseThrow();
        if (tasks.status() != RunStatus.SUCCESS) {
          PostVersions.restorePreviousState(run.workspace());
        }
        return new StepOutcome.Finished(
            RunStatus.FAILURE,
            Optional.of(where + " (--strict-secrets: the job fails and posts no version)"),
            tasks.report());
      }
      log.runner(
          "warning: "
              + where
              + " (the stored log is masked again; --strict-secrets fails the job)");
      return new StepOutcome.Next(run);
    } catch (IOException e) {
      return PostVersions.unreadable(disk, e);
    }
  }
}
