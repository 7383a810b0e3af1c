package dev.shiprun.runner.engine.job;

import dev.shiprun.runner.store.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The credentials of the registries the job may log in to, in its build folder (removed when the
 * run ends, see {@link JobRunner}). When they cannot be written the folder is deleted and the run
 * ends in error.
 */
final class GrantRegistryAccess implements JobStep {

  private final RegistryAccess registry;

  GrantRegistryAccess(RegistryAccess registry) {
    this.registry = registry;
  }

  @Override
  public StepOutcome run(JobRun run) {
    BuildFolder folder = run.folder().orElseThrow();
    try {
      List<RegistryAccess.Grant> grants =
          RegistryAccess.grants(run.assemblyLine(), run.job(), run.request().integrations());
      Map<String, String> env = registry.write(folder.workspace(), grants);
      return new StepOutcome.Next(run.with(folder.withRegistry(grants, env)));
    } catch (IOException | RuntimeException e) {
      folder.workspace().delete(); // it holds integration files
      if (e instanceof IOException || e instanceof UncheckedIOException) {
        return StepOutcome.Finished.of(
            RunStatus.ERROR, "cannot prepare the build folder: " + e.getMessage());
      }
      throw (RuntimeException) e;
    }
  }
}
