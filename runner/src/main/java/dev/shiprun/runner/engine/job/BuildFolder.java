package dev.shiprun.runner.engine.job;

import dev.shiprun.model.env.JobEnv;
import dev.shiprun.runner.engine.workspace.ProcessEnvironment;
import dev.shiprun.runner.engine.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build folder ready for the first TASK, and the environment it was made with.
 *
 * @param notifyTargets the environments made for NOTIFY resources that are not INs or OUTs
 * @param grants the registries the job may log in to
 * @param registryEnv the variables that point the job at its registry credentials
 */
record BuildFolder(
    Workspace workspace,
    JobEnv env,
    Map<String, JobEnv> notifyTargets,
    List<RegistryAccess.Grant> grants,
    Map<String, String> registryEnv) {

  BuildFolder {
    notifyTargets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notifyTargets));
    grants = List.copyOf(grants);
    registryEnv = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(registryEnv));
  }

  BuildFolder withRegistry(List<RegistryAccess.Grant> granted, Map<String, String> variables) {
    return new BuildFolder(workspace, env, notifyTargets, granted, variables);
  }

  /** Only a job that got registry credentials has a file to remove. */
  boolean hasRegistryAccess() {
    return !registryEnv.isEmpty();
  }

  /** The job's environment and those made for its notify calls. */
  List<JobEnv> envs() {
    List<JobEnv> out = new ArrayList<>(List.of(env));
    out.addAll(notifyTargets.values());
    return out;
  }

  /** The targets' variables as their notify call gets them. */
  Map<String, Map<String, String>> notifyValues() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    notifyTargets.forEach((name, vars) -> out.put(name, ProcessEnvironment.values(vars)));
    return out;
  }
}
