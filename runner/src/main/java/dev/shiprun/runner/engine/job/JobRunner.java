package dev.shiprun.runner.engine.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.masker.SecretMasker;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.env.SecureParams;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.engine.event.RunListener;
import dev.shiprun.runner.engine.gitrepo.GitRepoClone;
import dev.shiprun.runner.engine.log.JobLog;
import dev.shiprun.runner.engine.log.JobSecrets;
import dev.shiprun.runner.engine.log.LiveOutput;
import dev.shiprun.runner.engine.log.RunLogs;
import dev.shiprun.runner.engine.version.OutVersions;
import dev.shiprun.runner.engine.version.ResourceIds;
import dev.shiprun.runner.engine.version.RunInputs;
import dev.shiprun.runner.engine.version.SetupError;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.engine.workspace.WorkspaceJanitor;
import dev.shiprun.runner.exec.Cancellation;
import dev.shiprun.runner.exec.HostExecutor;
import dev.shiprun.runner.exec.RunToken;
import dev.shiprun.runner.registry.DockerAuthFile;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.Store;
import dev.shiprun.spi.Executor;
import dev.shiprun.spi.JobType;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One run of one job, start to end (spec §1.6), as a chain of steps: a run row with the next build
 * number and the versions it reads, then prepare the build folder → registry access → the
 * environment → notify on_start → the tasks → the leak check → the versions to post. Each step
 * returns a {@link StepOutcome}; the first that is not {@code Next} ends the run, and {@link
 * JobEnding} alone makes the stored status and the result of it. The end notifications follow the
 * stored status. Whatever way the run ends, its registry credentials go, its build folder is
 * retired (unless kept) and its log is closed.
 */
public final class JobRunner {

  /**
   * One job to run within a line run.
   *
   * @param inherited the caller's variables the job sees (the allow-list, {@code --env}, a daemon
   *     request's variables)
   * @param parallel how many scripts of the job may run at once (a matrix build's jobs)
   * @param events who hears how its run goes
   */
  public record Request(
      String line,
      AssemblyLine assemblyLine,
      Job job,
      String triggeredBy,
      Map<String, Integration> integrations,
      SecureParams secure,
      Cancellation cancellation,
      OptionalLong queuedRun,
      Map<String, String> inherited,
      int parallel,
      RunListener events) {}

  private final Store store;
  private final EngineSettings settings;
  private final JobPlugins plugins;
  private final String scope;
  private final WorkspaceJanitor janitor;
  private final RegistryAccess registry;
  private final Notifications notifications;
  private final ResourceIds resourceIds = new ResourceIds();
  private final ResourceTypes types;
  private final DiskSpace disk;
  private final JobEnding ending;

  /** The steps of every run, in order; the first outcome that is not {@code Next} ends it. */
  private final List<JobStep> steps;

  public JobRunner(
      Store store,
      EngineSettings settings,
      JobPlugins plugins,
      ObjectMapper json,
      Path shipctlFolder,
      WorkspaceJanitor janitor,
      GitRepoClone gitRepos,
      ResourceTypes types) {
    this.store = store;
    this.settings = settings;
    this.plugins = plugins;
    this.scope = RunToken.scope(settings.home());
    this.janitor = janitor;
    this.types = types;
    this.registry = new RegistryAccess(new DockerAuthFile(json));
    this.notifications = new Notifications(plugins);
    this.disk = new DiskSpace(settings.home());
    this.ending = new JobEnding(store, disk);
    this.steps =
        List.of(
            new PrepareWorkspace(new WorkspaceWriter(json, types), gitRepos, janitor, json, types),
            new GrantRegistryAccess(registry),
            new SetEnvironment(shipctlFolder),
            new NotifyStart(notifications),
            new TaskSequence(
                disk,
                plugins,
                new ScriptPlacement(plugins, settings.runtime(), shipctlFolder),
                registry),
            new CheckForLeaks(disk),
            new PostVersions(new OutVersions(json, types), disk));
  }

  public JobResult run(Request request) {
    Opened opened = store.transaction(c -> open(c, request));
    opened.inputs().ifPresent(inputs -> resourceIds.remember(request.line(), inputs.ids()));
    Run run = opened.run();
    if (run.status().isFinal()) {
      // A queued run cancelled before a worker began it: nothing to do, nothing to log.
      return new JobResult(
          run.job(),
          run.id(),
          run.buildNumber(),
          run.status(),
          Duration.ZERO,
          List.of(),
          run.reason(),
          run.report(),
          run.steps());
    }
    request.events().on(started(request, run));
    JobResult result = null;
    try {
      result = run(request, opened);
      if (!result.outVersions().isEmpty()) {
        request.events().on(new RunEvent.VersionsPosted(run.job(), run.id(), result.outVersions()));
      }
      return result;
    } finally {
      request.events().on(new RunEvent.JobEnded(run.job(), run.id(), Optional.ofNullable(result)));
    }
  }

  /** The run began; a queued run was queued when its row was made. */
  private static RunEvent.JobStarted started(Request request, Run run) {
    return new RunEvent.JobStarted(
        run.job(),
        run.id(),
        run.buildNumber(),
        run.line(),
        run.triggeredBy(),
        request.queuedRun().isPresent() ? Optional.of(run.createdAt()) : Optional.empty(),
        run.startedAt().orElseGet(Instant::now));
  }

  /** The log's lines and its masked count, as events of run {@code runId}. */
  private static LiveOutput logEvents(RunListener events, long runId) {
    return new LiveOutput() {
      @Override
      public void line(String job, String text) {
        events.on(new RunEvent.LogLine(job, runId, text));
      }

      @Override
      public boolean showsLines() {
        return events.showsLines();
      }

      @Override
      public void masked(String job, long matches) {
        events.on(new RunEvent.Masked(job, runId, matches));
      }
    };
  }

  private JobResult run(Request request, Opened opened) {
    Instant started = Instant.now();
    Job job = request.job();
    Run run = opened.run();
    JobRun current = null;
    Executor host = plugins.executor(HostExecutor.NAME).orElseThrow();
    SecretMasker masker = new SecretMasker(List.of());
    RunSteps runSteps = new RunSteps(request.events(), job.name(), run.id());
    try (JobLog log =
        new JobLog(
            RunLogs.file(settings.home(), run.id()),
            job.name(),
            masker,
            logEvents(request.events(), run.id()))) {
      log.runner(
          "run "
              + run.id()
              + ": "
              + job.name()
              + " #"
              + run.buildNumber()
              + ", triggered by "
              + request.triggeredBy()
              + "; "
              + host.description());
      JobSecrets secrets = new JobSecrets(masker, log);
      secrets.integrations(request.integrations().values());
      unreadableSecureValues(request, log);
      Optional<JobType> type = plugins.jobType(job.type());
      StepOutcome outcome;
      if (opened.problem().isPresent()) {
        outcome = StepOutcome.Finished.of(RunStatus.ERROR, opened.problem().get().getMessage());
      } else if (type.isEmpty()) {
        outcome =
            StepOutcome.Finished.of(
                RunStatus.ERROR, "no plugin runs jobs of type " + job.type() + " here");
      } else {
        current =
            new JobRun(
                request,
                settings,
                run,
                opened.inputs().orElseThrow(),
                log,
                runSteps,
                secrets,
                started,
                timeout(job),
                type.get(),
                host,
                RunToken.forRun(scope, run.id()).value(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        outcome = new StepOutcome.Next(current);
        for (JobStep step : steps) {
          outcome = step.run(current);
          if (!(outcome instanceof StepOutcome.Next next)) {
            break;
          }
          current = next.run();
        }
      }
      Optional<Workspace> ws =
          current == null ? Optional.empty() : current.folder().map(BuildFolder::workspace);
      JobResult result = ending.end(run, started, log, ws, outcome, runSteps.list());
      if (current != null && current.environment().isPresent()) {
        // After the status is stored: a notification reports it and cannot change it.
        for (HookEvent event : HookEvent.endOf(result.status())) {
          notifications.send(current, event, result.status());
        }
      }
      return result;
    } catch (IOException e) {
      return ending.end(
          run,
          started,
          null,
          Optional.empty(),
          new StepOutcome.LogLost(
              disk.full(e) ? disk.reason(false) : "cannot write the log: " + e.getMessage()),
          runSteps.list());
    } finally {
      if (current != null && current.folder().isPresent()) {
        BuildFolder folder = current.folder().get();
        if (folder.hasRegistryAccess()) {
          removeRegistryAccess(folder.workspace());
        }
        if (!settings.keepWorkspace()) {
          janitor.retire(folder.workspace());
        }
      }
    }
  }

  /** The job's registry credentials go when it ends, even from a build folder that is kept. */
  private void removeRegistryAccess(Workspace ws) {
    try {
      registry.remove(ws);
    } catch (IOException e) {
      // The build folder (0700) is deleted next; with --keep-workspace the user keeps it.
    }
  }

  /**
   * A new (or begun queued) run row, and what it reads or why it cannot start (an error status, no
   * version). A queued run that was cancelled comes back as it is stored, with nothing else.
   */
  private record Opened(Run run, Optional<RunInputs> inputs, Optional<SetupError> problem) {}

  /**
   * One transaction for the start of a run: its row with the next build number, and the versions
   * and saved files it reads. A setup problem still commits the row, so the run is on record with
   * its error.
   */
  private Opened open(Connection c, Request request) throws SQLException {
    Run run;
    if (request.queuedRun().isPresent()) {
      long id = request.queuedRun().getAsLong();
      Optional<Run> begun = store.runs().begin(c, id);
      if (begun.isEmpty()) {
        return new Opened(
            store.runs().get(c, id).orElseThrow(), Optional.empty(), Optional.empty());
      }
      run = begun.get();
    } else {
      run = store.runs().start(c, request.line(), request.job().name(), request.triggeredBy());
    }
    try {
      RunInputs inputs =
          RunInputs.resolve(
              c, store, resourceIds, request.line(), request.assemblyLine(), request.job(), types);
      return new Opened(run, Optional.of(inputs), Optional.empty());
    } catch (SetupError e) {
      return new Opened(run, Optional.empty(), Optional.of(e));
    }
  }

  /** Says once per params resource the job reads whose {@code secure:} value cannot be read. */
  private static void unreadableSecureValues(Request request, JobLog log) {
    for (InStep in : request.job().ins()) {
      String why = request.secure().unreadable().get(in.name());
      if (why != null) {
        log.runner(
            "the encrypted value of params resource '"
                + in.name()
                + "' cannot be read: "
                + why
                + "; its variables are not set (see AL206 in docs/diagnostics.md)");
      }
    }
  }

  private Duration timeout(Job job) {
    return settings
        .timeout()
        .orElseGet(
            () -> {
              var minutes = job.header().runtime().timeoutMinutes();
              return minutes.isPresent()
                  ? Duration.ofMinutes(minutes.getAsInt())
                  : EngineSettings.DEFAULT_TIMEOUT;
            });
  }
}
