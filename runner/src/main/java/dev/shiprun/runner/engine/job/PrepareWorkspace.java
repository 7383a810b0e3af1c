package dev.shiprun.runner.engine.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.Step;
import dev.shiprun.model.env.BuildInfo;
import dev.shiprun.model.env.JobEnv;
import dev.shiprun.model.env.JobEnvPlanner;
import dev.shiprun.model.env.JsonText;
import dev.shiprun.model.env.ResourceVersion;
import dev.shiprun.model.env.ShaData;
import dev.shiprun.model.env.VersionLookup;
import dev.shiprun.runner.engine.gitrepo.GitRepoClone;
import dev.shiprun.runner.engine.version.RunInputs;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.engine.workspace.WorkspaceJanitor;
import dev.shiprun.runner.git.GitException;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.StoredVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The build folder: IN/OUT/state folders and files, the cloned repositories, the files of the
 * NOTIFY resources that are not INs or OUTs, and the job's environment. A half-made folder is
 * deleted (it may already hold integration files) and the run ends in error.
 */
final class PrepareWorkspace implements JobStep {

  private final WorkspaceWriter writer;
  private final GitRepoClone gitRepos;
  private final WorkspaceJanitor janitor;
  private final ObjectMapper json;
  private final JobEnvPlanner envPlanner;

  PrepareWorkspace(
      WorkspaceWriter writer,
      GitRepoClone gitRepos,
      WorkspaceJanitor janitor,
      ObjectMapper json,
      ResourceTypes types) {
    this.envPlanner = new JobEnvPlanner(types.variables());
    this.writer = writer;
    this.gitRepos = gitRepos;
    this.janitor = janitor;
    this.json = json;
  }

  @Override
  public StepOutcome run(JobRun run) {
    try {
      return new StepOutcome.Next(run.with(prepare(run)));
    } catch (IOException | UncheckedIOException e) {
      return StepOutcome.Finished.of(
          RunStatus.ERROR,
          e instanceof GitException
              ? e.getMessage()
              : "cannot prepare the build folder: " + e.getMessage());
    }
  }

  private BuildFolder prepare(JobRun run) throws IOException {
    Path root =
        run.settings()
            .home()
            .resolve("builds")
            .resolve(run.line())
            .resolve(run.job().name())
            .resolve(Integer.toString(run.run().buildNumber()));
    if (Files.exists(root)) {
      run.log().runner("removing the build folder an interrupted run left: " + root);
      Workspace.existing(root).delete();
    }
    Workspace ws = Workspace.create(root, janitor.takeSpare());
    JobEnv env = environment(run, ws);
    Map<String, JobEnv> targets = new LinkedHashMap<>();
    var integrations = run.request().integrations();
    try {
      writer.write(
          ws,
          run.assemblyLine(),
          run.job(),
          run.inputs(),
          env,
          integrations,
          run.inputs()::savedFiles,
          run.run().buildNumber());
      gitRepos.cloneInputs(
          ws, run.assemblyLine(), run.job(), run.inputs(), integrations, run.log());
      for (Resource target : notifyOnly(run)) {
        writer.writeNotifyTarget(ws, target, integrations);
        targets.put(
            target.name(),
            envPlanner.asIn(
                run.assemblyLine(),
                ws.root().toString(),
                target.name(),
                lookup(run.inputs()),
                integrations));
      }
    } catch (IOException | RuntimeException e) {
      ws.delete(); // half-written, and it may already hold integration files
      throw e;
    }
    return new BuildFolder(ws, env, targets, List.of(), Map.of());
  }

  /**
   * The notification resources the job's sections NOTIFY that are not among its INs and OUTs: their
   * variables and files are made for the notify call alone.
   */
  private static List<Resource> notifyOnly(JobRun run) {
    Job job = run.job();
    Set<String> steps = new HashSet<>();
    for (Step step : job.steps()) {
      if (step instanceof InStep in) {
        steps.add(in.name());
      } else if (step instanceof OutStep out) {
        steps.add(out.name());
      }
    }
    Map<String, Resource> out = new LinkedHashMap<>();
    job.hooks()
        .all()
        .flatMap(section -> section.notifications().stream())
        .map(n -> n.target().name())
        .filter(name -> !steps.contains(name))
        .forEach(
            name ->
                run.assemblyLine()
                    .resource(name)
                    .filter(Resource::isNotificationTarget)
                    .ifPresent(r -> out.putIfAbsent(name, r)));
    return List.copyOf(out.values());
  }

  private JobEnv environment(JobRun run, Workspace ws) {
    BuildInfo build =
        new BuildInfo(
            ws.root().toString(),
            Long.toString(run.run().id()),
            Integer.toString(run.run().buildNumber()),
            run.request().triggeredBy());
    return envPlanner.plan(
        run.job(),
        run.assemblyLine(),
        build,
        lookup(run.inputs()),
        run.request().integrations(),
        run.request().secure());
  }

  /** The versions the run reads, as the environment planner asks for them. */
  private VersionLookup lookup(RunInputs inputs) {
    return new VersionLookup() {
      @Override
      public Optional<ResourceVersion> versionOf(String name) {
        return inputs
            .of(name)
            .map(
                v ->
                    new ResourceVersion(
                        v.versionName(),
                        OptionalLong.of(v.number()),
                        OptionalLong.of(v.id()),
                        params(v),
                        GitRepoClone.shaData(v).map(ShaData::of),
                        v.propertyBag()));
      }

      @Override
      public OptionalLong idOf(String name) {
        Long id = inputs.ids().get(name);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
      }
    };
  }

  /** A params version's values as text (spec §3.7: object values JSON-stringified). */
  private Optional<Map<String, String>> params(StoredVersion v) {
    if (!(v.propertyBag().get("params") instanceof Map<?, ?> params)) {
      return Optional.empty();
    }
    Map<String, String> out = new LinkedHashMap<>();
    params.forEach((k, value) -> out.put(String.valueOf(k), JsonText.asText(value)));
    return Optional.of(out);
  }
}
