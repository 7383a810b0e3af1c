package dev.shiprun.runner.engine.job;

import dev.shiprun.runner.engine.workspace.ProcessEnvironment;
import java.nio.file.Path;
import java.util.Map;

/**
 * The scripts' variables: the job's, the caller's it inherits, the registry pointers. The masker
 * learns the secret ones first.
 */
final class SetEnvironment implements JobStep {

  private final Path shipctlFolder;

  SetEnvironment(Path shipctlFolder) {
    this.shipctlFolder = shipctlFolder;
  }

  @Override
  public StepOutcome run(JobRun run) {
    BuildFolder folder = run.folder().orElseThrow();
    run.log().runner("timeout set to " + TaskSequence.minutes(run.limit()));
    run.secrets().variables(folder.envs());
    Map<String, String> env =
        ProcessEnvironment.job(folder.env(), shipctlFolder, run.request().inherited());
    env.putAll(folder.registryEnv());
    return new StepOutcome.Next(run.with(env));
  }
}
