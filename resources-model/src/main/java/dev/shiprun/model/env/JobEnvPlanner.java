package dev.shiprun.model.env;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.Named;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.ParamsResource;
import dev.shiprun.model.Resource;
import dev.shiprun.model.Step;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.Integration;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a job's environment as Shippable's runner did (spec §3.2–§3.8): params keys first, then the
 * job variables, then every IN and OUT in step order with their integration variables, then the
 * job's direct integrations. Stateless; the same code serves {@code plan} and {@code run}.
 */
public final class JobEnvPlanner {

  public JobEnv plan(
      Job job,
      AssemblyLine line,
      BuildInfo build,
      VersionLookup versions,
      Map<String, Integration> integrations) {
    JobEnv.Builder env = new JobEnv.Builder();
    String root = build.jobPath();
    for (InStep in : job.ins()) {
      line.resource(in.name())
          .filter(ParamsResource.class::isInstance)
          .map(ParamsResource.class::cast)
          .ifPresent(
              p ->
                  ResourceEnv.rawParams(p, versions.versionOf(p.name()))
                      .forEach(kv -> env.put(kv[0], kv[1], "IN " + p.name())));
    }
    addJobVariables(env, job, build);
    versions.idOf(job.name()).ifPresent(id -> env.put("RESOURCE_ID", Long.toString(id), "job"));
    for (Step step : job.steps()) {
      if (step instanceof InStep in) {
        addDependency(env, line, root, in.name(), "IN", versions, integrations);
      } else if (step instanceof OutStep out) {
        addDependency(env, line, root, out.name(), "OUT", versions, integrations);
      }
    }
    for (Named name : job.header().integrations()) {
      Integration integration = integrations.get(name.name());
      if (integration != null) {
        String folder = root + "/integrations/" + name.name();
        IntegrationEnv.add(
            env,
            EnvNames.of(name.name()),
            folder,
            name.name(),
            integration,
            "integration " + name.name());
      }
    }
    return env.build();
  }

  private static void addJobVariables(JobEnv.Builder env, Job job, BuildInfo build) {
    String root = build.jobPath();
    String origin = "job";
    env.put("JOB_NAME", job.name(), origin);
    env.put("JOB_TYPE", job.type(), origin);
    env.put("BUILD_ID", build.buildId(), origin);
    env.put("BUILD_NUMBER", build.buildNumber(), origin);
    env.put("BUILD_JOB_ID", build.buildId(), origin);
    env.put("BUILD_JOB_NUMBER", "1", origin);
    env.put("JOB_PATH", root, origin);
    env.put("BUILD_DIR", root, origin);
    env.put("JOB_STATE", root + "/state", origin);
    env.put("JOB_PREVIOUS_STATE", root + "/previousState", origin);
    env.put("JOB_INTEGRATIONS", root + "/integrations", origin);
    env.put("JOB_MESSAGE", root + "/message.json", origin);
    env.put("JOB_TRIGGERED_BY_NAME", build.triggeredByName(), origin);
    env.put("SHARED_DIR", root + "/shared", origin);
    env.put("BUILD_SECRETS_DIR", root + "/secrets", origin);
    // The job seen as a resource, so shipctl's getters work on it too.
    String prefix = EnvNames.of(job.name());
    env.put(prefix + "_NAME", job.name(), origin);
    env.put(prefix + "_TYPE", job.type(), origin);
    env.put(prefix + "_PATH", root, origin);
    env.put(prefix + "_STATE", root + "/state", origin);
    env.put(prefix + "_PREVIOUS_STATE", root + "/previousState", origin);
    env.put(prefix + "_INTEGRATIONS", root + "/integrations", origin);
    env.put(prefix + "_MESSAGE", root + "/message.json", origin);
  }

  private static void addDependency(
      JobEnv.Builder env,
      AssemblyLine line,
      String root,
      String name,
      String operation,
      VersionLookup versions,
      Map<String, Integration> integrations) {
    String prefix = EnvNames.of(name);
    String folder = root + "/" + operation + "/" + name;
    Optional<ResourceVersion> version = versions.versionOf(name);
    Optional<Resource> resource = line.resource(name);
    String idOrigin = operation + " " + name;
    versions.idOf(name).ifPresent(id -> env.put(prefix + "_ID", Long.toString(id), idOrigin));
    if (resource.isPresent()) {
      Resource r = resource.get();
      ResourceEnv.add(env, prefix, folder, r, operation, version);
      if (r instanceof ParamsResource p && operation.equals("IN")) {
        ResourceEnv.addParams(env, prefix, p, version, operation + " " + name);
      }
      r.integration()
          .map(i -> integrations.get(i.name()))
          .ifPresent(i -> IntegrationEnv.add(env, prefix, folder, name, i, operation + " " + name));
      return;
    }
    // A job as IN (spec §3.4): its saved state lands in <folder>/<jobType>.
    line.job(name)
        .ifPresent(
            upstream -> {
              String origin = operation + " " + name;
              env.put(prefix + "_NAME", name, origin);
              env.put(prefix + "_TYPE", upstream.type(), origin);
              env.put(prefix + "_OPERATION", operation, origin);
              env.put(prefix + "_PATH", folder, origin);
              env.put(prefix + "_META", folder, origin);
              env.put(prefix + "_STATE", folder + "/" + upstream.type(), origin);
              version.ifPresent(v -> ResourceEnv.addVersion(env, prefix, v, origin));
            });
  }
}
