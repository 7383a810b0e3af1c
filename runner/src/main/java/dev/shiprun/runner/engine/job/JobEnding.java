package dev.shiprun.runner.engine.job;

import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.log.JobLog;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.RunStep;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoreException;
import dev.shiprun.runner.store.StoredVersion;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place a job's run ends: the outcome of its last step becomes its stored status (with its
 * versions, in one transaction) and its {@link JobResult}, and the log's last runner line says it.
 */
final class JobEnding {

  private final Store store;
  private final DiskSpace disk;

  JobEnding(Store store, DiskSpace disk) {
    this.store = store;
    this.disk = disk;
  }

  /**
   * Ends {@code run} as {@code outcome} says.
   *
   * @param ws the build folder, when there is one (a full device deletes it to make room)
   * @throws StoreException when not even an error can be stored on a full device (the run shows as
   *     interrupted at the next start)
   */
  JobResult end(
      Run run,
      Instant started,
      JobLog log,
      Optional<Workspace> ws,
      StepOutcome outcome,
      List<RunStep> steps) {
    Ended ended = new Ended(run, started, steps);
    if (outcome instanceof StepOutcome.Finished finished) {
      return finished(ended, log, ws, finished);
    }
    if (outcome instanceof StepOutcome.DiskFull) {
      return diskFull(ended, log, ws);
    }
    if (outcome instanceof StepOutcome.Posting posting) {
      return posting(ended, log, ws, posting);
    }
    if (outcome instanceof StepOutcome.LogLost lost) {
      Optional<String> reason = Optional.of(lost.reason());
      recordEnd(ended, RunStatus.ERROR, reason, Map.of());
      return ended.result(RunStatus.ERROR, List.of(), reason, Map.of());
    }
    throw new IllegalStateException("a run's steps ended without an end: " + outcome);
  }

  /** No version: the status, and when the device is full the run ends as {@link #diskFull}. */
  private JobResult finished(
      Ended ended, JobLog log, Optional<Workspace> ws, StepOutcome.Finished f) {
    log.runner(f.status().wire() + f.reason().map(r -> ": " + r).orElse(""));
    try {
      recordEnd(ended, f.status(), f.reason(), f.report());
    } catch (StoreException e) {
      if (!disk.full(e)) {
        throw e;
      }
      return diskFull(ended, log, ws);
    }
    return ended.result(f.status(), List.of(), f.reason(), f.report());
  }

  /**
   * The device of the home is full (the job filled it, most likely): the job's build folder is
   * removed to make room — the state it left cannot be kept anyway — and the run ends in error with
   * the reason; nothing is posted, so the job's previous state stays its latest. When even then the
   * end cannot be recorded, the command stops with the reason.
   */
  private JobResult diskFull(Ended ended, JobLog log, Optional<Workspace> ws) {
    Run run = ended.run();
    ws.ifPresent(
        w -> {
          try {
            w.delete();
          } catch (UncheckedIOException e) {
            // what could be removed is gone; the janitor tries again
          }
        });
    String reason = disk.reason(ws.isPresent());
    log.runner(RunStatus.ERROR.wire() + ": " + reason);
    try {
      recordEnd(ended, RunStatus.ERROR, Optional.of(reason), Map.of());
    } catch (StoreException e) {
      throw new StoreException(
          reason
              + " (the end of run "
              + run.id()
              + " could not be recorded: "
              + e.getMessage()
              + ")",
          e);
    }
    return ended.result(RunStatus.ERROR, List.of(), Optional.of(reason), Map.of());
  }

  /** The versions and the status in one transaction (spec §1.6 steps 13–15). */
  private JobResult posting(
      Ended ended, JobLog log, Optional<Workspace> ws, StepOutcome.Posting p) {
    Run run = ended.run();
    List<StoredVersion> posted;
    try {
      posted =
          store.transaction(
              c -> {
                store.versions().post(c, p.jobVersion());
                List<StoredVersion> made = new ArrayList<>();
                for (NewVersion v : p.outs()) {
                  made.add(store.versions().post(c, v));
                }
                store.runs().finish(c, run.id(), p.status(), p.reason(), p.report(), ended.steps());
                return made;
              });
    } catch (RuntimeException e) {
      return end(run, ended.started(), log, ws, PostVersions.unreadable(disk, e), ended.steps());
    }
    for (StoredVersion v : posted) {
      log.runner(
          "new version of "
              + v.name()
              + ": #"
              + v.number()
              + v.versionName().map(n -> " " + n).orElse(""));
    }
    log.runner(p.status().wire() + (p.refused() ? p.reason().map(r -> ": " + r).orElse("") : ""));
    return ended.result(p.status(), posted, p.reason(), p.report());
  }

  private void recordEnd(
      Ended ended, RunStatus status, Optional<String> reason, Map<String, Object> report) {
    store.transaction(
        c -> {
          store.runs().finish(c, ended.run().id(), status, reason, report, ended.steps());
          return null;
        });
  }

  /** The run that ends, when it began, and the steps it ran. */
  private record Ended(Run run, Instant started, List<RunStep> steps) {
    JobResult result(
        RunStatus status,
        List<StoredVersion> versions,
        Optional<String> reason,
        Map<String, Object> report) {
      return new JobResult(
          run.job(),
          run.id(),
          run.buildNumber(),
          status,
          Duration.between(started, Instant.now()),
          versions,
          reason,
          report,
          steps);
    }
  }
}
