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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes a job's environment as Shippable's runner did (spec §3.2–§3.8): params keys first, then the
 * job variables, then every IN and OUT in step order with their integration variables, then the
 * job's direct integrations. Stateless; the same code serves {@code plan} and {@code run}.
 */
public final class JobEnvPlanner {

  private final TypeVariables types;

  /** A planner that knows only the model's variables. */
  public JobEnvPlanner() {
    this(TypeVariables.NONE);
  }

  /** A planner that adds what {@code types} gives each IN and OUT. */
  public JobEnvPlanner(TypeVariables types) {
    this.types = types;
  }

  public JobEnv plan(
      Job job,
      AssemblyLine line,
      BuildInfo build,
      VersionLookup versions,
      Map<String, Integration> integrations) {
    return plan(job, line, build, versions, integrations, SecureParams.NONE);
  }

  /** With the opened {@code secure:} values of the line's params resources. */
  public JobEnv plan(
      Job job,
      AssemblyLine line,
      BuildInfo build,
      VersionLookup versions,
      Map<String, Integration> integrations,
      SecureParams secure) {
    return session(line, versions, integrations, secure).plan(job, build);
  }

  /**
   * The variables resource {@code name} would give a job as an IN under {@code root} (spec §3.7),
   * alone: for a notification resource a job only NOTIFYs, so the runner's own {@code shipctl
   * notify} call finds it as it would an IN without it joining the job's environment.
   */
  public JobEnv asIn(
      AssemblyLine line,
      String root,
      String name,
      VersionLookup versions,
      Map<String, Integration> integrations) {
    JobEnv.Builder env = new JobEnv.Builder();
    new Session(line, versions, integrations, SecureParams.NONE, types)
        .dependency(env, root, name, "IN");
    return env.build();
  }

  /**
   * Plans many jobs of one line against the same versions and integrations, sharing what does not
   * depend on the job: a resource's variables are made once and the same objects go into every job
   * that reads it (on a 10,000-job line that was most of the plan's allocation and memory).
   */
  public Session session(
      AssemblyLine line, VersionLookup versions, Map<String, Integration> integrations) {
    return session(line, versions, integrations, SecureParams.NONE);
  }

  /** With the opened {@code secure:} values of the line's params resources. */
  public Session session(
      AssemblyLine line,
      VersionLookup versions,
      Map<String, Integration> integrations,
      SecureParams secure) {
    return new Session(line, versions, integrations, secure, types);
  }

  /** One line, versions and integrations; not thread-safe (one per plan). */
  public static final class Session {

    /** What a group of variables depends on besides the line, versions and integrations. */
    private record Key(String root, String kind, String name) {}

    /** The variables of one build that every job of it has alike. */
    private record BuildVars(
        List<EnvVar> common,
        EnvValue root,
        EnvValue state,
        EnvValue previousState,
        EnvValue integrations,
        EnvValue message) {}

    private final AssemblyLine line;
    private final VersionLookup versions;
    private final Map<String, Integration> integrations;
    private final SecureParams secure;
    private final TypeVariables types;

    /** Recorded puts by key; a null value: they read the job's variables, made per job. */
    private final Map<Key, List<EnvVar>> shared = new HashMap<>();

    private final Map<BuildInfo, BuildVars> builds = new HashMap<>();

    private Session(
        AssemblyLine line,
        VersionLookup versions,
        Map<String, Integration> integrations,
        SecureParams secure,
        TypeVariables types) {
      this.line = line;
      this.versions = versions;
      this.integrations = integrations;
      this.secure = secure;
      this.types = types;
    }

    public JobEnv plan(Job job, BuildInfo build) {
      JobEnv.Builder env = new JobEnv.Builder();
      String root = build.jobPath();
      for (InStep in : job.ins()) {
        Optional<ParamsResource> params = line.resource(in.name()).flatMap(Resource::asParams);
        if (params.isPresent()) {
          ParamsResource p = params.get();
          shared(
              env,
              new Key("", "params", p.name()),
              e -> {
                String origin = "IN " + p.name();
                for (String[] kv : ResourceEnv.rawParams(p, versions.versionOf(p.name()))) {
                  e.put(kv[0], kv[1], origin);
                }
                // The secure value's pairs, as plain params are, but hidden (spec §3.7).
                secure
                    .of(p.name())
                    .forEach((k, v) -> e.put(EnvNames.sanitize(k), new EnvValue.Hidden(v), origin));
              });
        }
      }
      addJobVariables(env, job, build);
      versions.idOf(job.name()).ifPresent(id -> env.put("RESOURCE_ID", Long.toString(id), "job"));
      for (Step step : job.steps()) {
        if (step instanceof InStep in) {
          addDependency(env, root, in.name(), "IN");
        } else if (step instanceof OutStep out) {
          addDependency(env, root, out.name(), "OUT");
        }
      }
      for (Named named : job.header().integrations()) {
        String name = named.name();
        Integration integration = integrations.get(name);
        if (integration != null) {
          shared(
              env,
              new Key(root, "integration", name),
              e ->
                  IntegrationEnv.add(
                      e,
                      EnvNames.of(name),
                      root + "/integrations/" + name,
                      name,
                      integration,
                      "integration " + name));
        }
      }
      return env.build();
    }

    /** Puts what {@code puts} would, reusing the variables it made for an earlier job. */
    private void shared(JobEnv.Builder env, Key key, Consumer<JobEnv.Builder> puts) {
      List<EnvVar> known = shared.get(key);
      if (known != null) {
        env.putAll(known);
        return;
      }
      if (shared.containsKey(key)) {
        puts.accept(env);
        return;
      }
      env.startRecording();
      puts.accept(env);
      shared.put(key, env.stopRecording());
    }

    private void addJobVariables(JobEnv.Builder env, Job job, BuildInfo build) {
      BuildVars b = builds.computeIfAbsent(build, Session::buildVars);
      String origin = "job";
      EnvValue name = new EnvValue.Plain(job.name());
      EnvValue type = new EnvValue.Plain(job.type());
      env.put("JOB_NAME", name, origin);
      env.put("JOB_TYPE", type, origin);
      env.putAll(b.common());
      // The job seen as a resource, so shipctl's getters work on it too.
      String prefix = EnvNames.of(job.name());
      env.put(prefix + "_NAME", name, origin);
      env.put(prefix + "_TYPE", type, origin);
      env.put(prefix + "_PATH", b.root(), origin);
      env.put(prefix + "_STATE", b.state(), origin);
      env.put(prefix + "_PREVIOUS_STATE", b.previousState(), origin);
      env.put(prefix + "_INTEGRATIONS", b.integrations(), origin);
      env.put(prefix + "_MESSAGE", b.message(), origin);
    }

    private static BuildVars buildVars(BuildInfo build) {
      String origin = "job";
      String root = build.jobPath();
      EnvValue path = new EnvValue.Plain(root);
      EnvValue buildId = new EnvValue.Plain(build.buildId());
      EnvValue state = new EnvValue.Plain(root + "/state");
      EnvValue previousState = new EnvValue.Plain(root + "/previousState");
      EnvValue integrations = new EnvValue.Plain(root + "/integrations");
      EnvValue message = new EnvValue.Plain(root + "/message.json");
      List<EnvVar> common =
          List.of(
              new EnvVar("BUILD_ID", buildId, origin),
              new EnvVar("BUILD_NUMBER", new EnvValue.Plain(build.buildNumber()), origin),
              new EnvVar("BUILD_JOB_ID", buildId, origin),
              new EnvVar("BUILD_JOB_NUMBER", new EnvValue.Plain("1"), origin),
              new EnvVar("JOB_PATH", path, origin),
              new EnvVar("BUILD_DIR", path, origin),
              new EnvVar("JOB_STATE", state, origin),
              new EnvVar("JOB_PREVIOUS_STATE", previousState, origin),
              new EnvVar("JOB_INTEGRATIONS", integrations, origin),
              new EnvVar("JOB_MESSAGE", message, origin),
              new EnvVar(
                  "JOB_TRIGGERED_BY_NAME", new EnvValue.Plain(build.triggeredByName()), origin),
              new EnvVar("SHARED_DIR", new EnvValue.Plain(root + "/shared"), origin),
              new EnvVar("BUILD_SECRETS_DIR", new EnvValue.Plain(root + "/secrets"), origin));
      return new BuildVars(common, path, state, previousState, integrations, message);
    }

    private void addDependency(JobEnv.Builder env, String root, String name, String operation) {
      shared(env, new Key(root, operation, name), e -> dependency(e, root, name, operation));
    }

    private void dependency(JobEnv.Builder env, String root, String name, String operation) {
      String prefix = EnvNames.of(name);
      String folder = root + "/" + operation + "/" + name;
      Optional<ResourceVersion> version = versions.versionOf(name);
      Optional<Resource> resource = line.resource(name);
      String idOrigin = operation + " " + name;
      versions.idOf(name).ifPresent(id -> env.put(prefix + "_ID", Long.toString(id), idOrigin));
      if (resource.isPresent()) {
        Resource r = resource.get();
        ResourceEnv.add(env, prefix, folder, r, operation, version);
        Optional<Integration> integration = r.integration().map(i -> integrations.get(i.name()));
        r.accept(new KindVariables(env, prefix, root, operation, version, integration, secure));
        integration.ifPresent(
            i -> IntegrationEnv.add(env, prefix, folder, name, i, operation + " " + name));
        types
            .of(r, operation, folder, version)
            .forEach((k, v) -> env.put(k, v, operation + " " + name));
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
}
