package dev.shiprun.runner.engine.job;

import dev.shiprun.runner.engine.log.JobLog;
import dev.shiprun.runner.engine.log.PostedSecrets;
import dev.shiprun.runner.engine.log.VersionMask;
import dev.shiprun.runner.engine.version.OutVersions;
import dev.shiprun.runner.engine.version.RunInputs;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Spec §1.6 steps 13–15: after a failure the previous state replaces what the job left in {@code
 * $JOB_STATE}; the job version; after a success the OUT versions. A version that would hold a
 * secret is refused, and the run ends as a failure would (previous state, a job version without
 * what the job posted, no OUT version), unless the settings store it masked. Whatever is posted is
 * masked, so a secret can reach no version; {@link JobEnding} stores it with the status.
 */
final class PostVersions implements JobStep {

  private final OutVersions outVersions;
  private final DiskSpace disk;

  PostVersions(OutVersions outVersions, DiskSpace disk) {
    this.outVersions = outVersions;
    this.disk = disk;
  }

  @Override
  public StepOutcome run(JobRun run) {
    try {
      return post(run);
    } catch (IOException | RuntimeException e) {
      return unreadable(disk, e);
    }
  }

  /** What the job left cannot be read (or kept, on a full device). */
  static StepOutcome unreadable(DiskSpace disk, Exception e) {
    if (disk.full(e)) {
      return new StepOutcome.DiskFull();
    }
    return StepOutcome.Finished.of(
        RunStatus.ERROR, "cannot read what the job left in its state folder: " + e.getMessage());
  }

  private StepOutcome post(JobRun run) throws IOException {
    TaskSequence.Outcome tasks = run.tasks().orElseThrow();
    boolean success = tasks.status() == RunStatus.SUCCESS;
    Workspace ws = run.workspace();
    List<Object> trace = trace(run.inputs());
    if (!success) {
      restorePreviousState(ws);
    }
    long id = run.run().id();
    NewVersion jobVersion = outVersions.job(run.line(), run.job(), ws, success, id, trace);
    List<NewVersion> outs =
        success
            ? outVersions.outs(
                run.line(), run.assemblyLine(), run.job(), ws, run.inputs(), id, trace)
            : List.of();
    JobLog log = run.log();
    VersionMask mask = new VersionMask(log.masker());
    Optional<String> refused =
        new PostedSecrets(mask, run.secrets()::sourceOf, log, run.settings().storeMaskedVersions())
            .refusal(jobVersion, outs);
    if (refused.isPresent()) {
      restorePreviousState(ws);
      jobVersion = outVersions.job(run.line(), run.job(), ws, false, id, trace);
      outs = List.of();
    }
    return new StepOutcome.Posting(
        refused.isPresent() ? RunStatus.FAILURE : tasks.status(),
        refused.isPresent() ? refused : tasks.reason(),
        refused.isPresent(),
        mask.masked(jobVersion),
        outs.stream().map(mask::masked).toList(),
        tasks.report());
  }

  private static List<Object> trace(RunInputs inputs) {
    List<Object> trace = new ArrayList<>();
    inputs
        .dependencies()
        .forEach(
            (name, v) -> {
              Map<String, Object> entry = new LinkedHashMap<>();
              entry.put("name", name);
              entry.put("versionNumber", v.number());
              v.versionName().ifPresent(n -> entry.put("versionName", n));
              trace.add(entry);
            });
    return trace;
  }

  static void restorePreviousState(Workspace ws) throws IOException {
    try (Stream<Path> old = Files.list(ws.state())) {
      for (Path p : old.toList()) {
        Workspace.deleteTree(p);
      }
    }
    try (Stream<Path> walk = Files.walk(ws.previousState())) {
      for (Path from : walk.toList()) {
        Path to = ws.state().resolve(ws.previousState().relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(
              from, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
