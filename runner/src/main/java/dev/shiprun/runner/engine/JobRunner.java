package dev.shiprun.runner.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.NotificationResource;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.Step;
import dev.shiprun.model.env.BuildInfo;
import dev.shiprun.model.env.JobEnv;
import dev.shiprun.model.env.JobEnvPlanner;
import dev.shiprun.model.env.JsonText;
import dev.shiprun.model.env.ResourceVersion;
import dev.shiprun.model.env.SecureParams;
import dev.shiprun.model.env.ShaData;
import dev.shiprun.model.env.VersionLookup;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.mask.SecretMasker;
import dev.shiprun.runner.exec.Cancellation;
import dev.shiprun.runner.git.GitException;
import dev.shiprun.runner.registry.DockerAuthFile;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoreException;
import dev.shiprun.runner.store.StoredVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One run of one job, start to end (spec §1.6): a run row with the next build number, the versions
 * it reads, the build folder and environment, the scripts, then in one transaction the job version,
 * the OUT versions (after a success) and the final status. Whatever way the run ends, its build
 * folder (with the integration files) is deleted and its log is closed.
 */
final class JobRunner {

  /**
   * One job to run within a line run.
   *
   * @param inherited the caller's variables the job sees (the allow-list, {@code --env}, a daemon
   *     request's variables)
   * @param live where its output goes live besides the stored log
   */
  record Request(
      String line,
      AssemblyLine assemblyLine,
      Job job,
      String triggeredBy,
      Map<String, Integration> integrations,
      SecureParams secure,
      Cancellation cancellation,
      OptionalLong queuedRun,
      Map<String, String> inherited,
      LiveOutput live) {}

  private final Store store;
  private final EngineSettings settings;
  private final TaskSequence tasks;
  private final Notifier notifier;
  private final WorkspaceWriter writer;
  private final OutVersions outVersions;
  private final Path shipctlFolder;
  private final WorkspaceJanitor janitor;
  private final GitRepoClone gitRepos;
  private final RegistryAccess registry;
  private final JobEnvPlanner envPlanner = new JobEnvPlanner();
  private final ResourceIds resourceIds = new ResourceIds();
  private final ObjectMapper json;
  private final DiskSpace disk;

  JobRunner(
      Store store,
      EngineSettings settings,
      TaskSequence tasks,
      Notifier notifier,
      ObjectMapper json,
      Path shipctlFolder,
      WorkspaceJanitor janitor,
      GitRepoClone gitRepos) {
    this.store = store;
    this.gitRepos = gitRepos;
    this.settings = settings;
    this.tasks = tasks;
    this.notifier = notifier;
    this.json = json;
    this.writer = new WorkspaceWriter(json);
    this.registry = new RegistryAccess(new DockerAuthFile(json));
    this.outVersions = new OutVersions(json);
    this.shipctlFolder = shipctlFolder;
    this.janitor = janitor;
    this.disk = new DiskSpace(settings.home());
  }

  JobResult run(Request request) {
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
          run.reason());
    }
    request.live().began(run.job(), run.id());
    try {
      return run(request, opened);
    } finally {
      request.live().ended(run.job(), run.id());
    }
  }

  private JobResult run(Request request, Opened opened) {
    Instant started = Instant.now();
    Job job = request.job();
    Run run = opened.run();
    Workspace ws = null;
    // Only a job that got registry credentials has a file to remove (no file calls per job else).
    boolean registryWritten = false;
    SecretMasker masker = new SecretMasker(List.of());
    try (JobLog log =
        new JobLog(RunLogs.file(settings.home(), run.id()), job.name(), masker, request.live())) {
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
              + tasks.containment());
      JobSecrets secrets = new JobSecrets(masker, log);
      secrets.integrations(request.integrations().values());
      unreadableSecureValues(request, log);
      if (opened.problem().isPresent()) {
        return finishWithoutVersion(
            request, run, started, RunStatus.ERROR, opened.problem().get().getMessage(), log);
      }
      RunInputs inputs = opened.inputs().orElseThrow();
      Prepared prepared;
      try {
        prepared = prepare(request, run, inputs, log);
        ws = prepared.workspace();
        registryWritten = !prepared.registryEnv().isEmpty();
      } catch (IOException | UncheckedIOException e) {
        return finishWithoutVersion(
            request,
            run,
            started,
            RunStatus.ERROR,
            e instanceof GitException
                ? e.getMessage()
                : "cannot prepare the build folder: " + e.getMessage(),
            log);
      }
      Duration limit = timeout(job);
      log.runner("timeout set to " + TaskSequence.minutes(limit));
      secrets.variables(prepared.envs());
      Map<String, String> env =
          ProcessEnvironment.job(prepared.env(), shipctlFolder, request.inherited());
      env.putAll(prepared.registryEnv());
      Notifier.Context notify =
          new Notifier.Context(
              job,
              request.assemblyLine(),
              run.id(),
              run.buildNumber(),
              ws,
              env,
              prepared.notifyValues(),
              log);
      notifier.send(notify, HookEvent.ON_START, RunStatus.PROCESSING);
      JobResult result =
          execute(
              request,
              run,
              started,
              ws,
              inputs,
              env,
              log,
              secrets,
              started.plus(limit),
              limit,
              new RegistryHint(prepared.grants(), settings.home()));
      // After the status is stored: a notification reports it and cannot change it.
      for (HookEvent event : HookEvent.endOf(result.status())) {
        notifier.send(notify, event, result.status());
      }
      return result;
    } catch (IOException e) {
      Optional<String> reason =
          Optional.of(
              disk.full(e) ? disk.reason(false) : "cannot write the log: " + e.getMessage());
      finish(request, run, RunStatus.ERROR, reason);
      return new JobResult(
          job.name(),
          run.id(),
          run.buildNumber(),
          RunStatus.ERROR,
          Duration.between(started, Instant.now()),
          List.of(),
          reason);
    } finally {
      if (ws != null) {
        if (registryWritten) {
          removeRegistryAccess(ws);
        }
        if (!settings.keepWorkspace()) {
          janitor.retire(ws);
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

  /** The scripts, then the job version, OUT versions and final status (spec §1.6 steps 9–15). */
  private JobResult execute(
      Request request,
      Run run,
      Instant started,
      Workspace ws,
      RunInputs inputs,
      Map<String, String> env,
      JobLog log,
      JobSecrets secrets,
      Instant deadline,
      Duration limit,
      FailureHint hint) {
    TaskSequence.Outcome outcome;
    try {
      outcome =
          tasks.run(
              run.id(), request.job(), ws, env, log, request.cancellation(), deadline, limit, hint);
    } catch (IOException e) {
      outcome =
          new TaskSequence.Outcome(
              RunStatus.ERROR, Optional.of("cannot write the task scripts: " + e.getMessage()));
    }
    if (outcome.status() != RunStatus.CANCELLED
        && (outcome.reason().filter(DiskSpace::says).isPresent() || disk.full())) {
      // Whatever the scripts did, the state and versions cannot be kept on a full device.
      return endOnFullDisk(request, run, started, ws, log);
    }
    if (!outcome.status().postsJobVersion()) {
      return finishWithoutVersion(
          request, run, started, outcome.status(), outcome.reason().orElse(""), log, ws);
    }
    Posted posted;
    try {
      posted = post(request, run, ws, inputs, outcome, log, secrets);
    } catch (SecretLeak e) {
      return finishWithoutVersion(
          request, run, started, RunStatus.FAILURE, e.getMessage(), log, ws);
    } catch (IOException | RuntimeException e) {
      if (disk.full(e)) {
        return endOnFullDisk(request, run, started, ws, log);
      }
      return finishWithoutVersion(
          request,
          run,
          started,
          RunStatus.ERROR,
          "cannot read what the job left in its state folder: " + e.getMessage(),
          log,
          ws);
    }
    boolean refused = posted.status() != outcome.status();
    log.runner(
        posted.status().wire() + (refused ? posted.reason().map(r -> ": " + r).orElse("") : ""));
    return new JobResult(
        request.job().name(),
        run.id(),
        run.buildNumber(),
        posted.status(),
        Duration.between(started, Instant.now()),
        posted.versions(),
        posted.reason());
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
              c, store, resourceIds, request.line(), request.assemblyLine(), request.job());
      return new Opened(run, Optional.of(inputs), Optional.empty());
    } catch (SetupError e) {
      return new Opened(run, Optional.empty(), Optional.of(e));
    }
  }

  /** A build folder ready for the first TASK, and the environment it was made with. */
  private record Prepared(
      Workspace workspace,
      JobEnv env,
      Map<String, JobEnv> notifyTargets,
      Map<String, String> registryEnv,
      List<RegistryAccess.Grant> grants) {

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

  private Prepared prepare(Request request, Run run, RunInputs inputs, JobLog log)
      throws IOException {
    Path root =
        settings
            .home()
            .resolve("builds")
            .resolve(request.line())
            .resolve(request.job().name())
            .resolve(Integer.toString(run.buildNumber()));
    if (Files.exists(root)) {
      log.runner("removing the build folder an interrupted run left: " + root);
      Workspace.existing(root).delete();
    }
    Workspace ws = Workspace.create(root, janitor.takeSpare());
    JobEnv env = environment(request, run, ws, inputs);
    Map<String, JobEnv> targets = new LinkedHashMap<>();
    Map<String, String> registryEnv;
    List<RegistryAccess.Grant> grants;
    try {
      writer.write(
          ws,
          request.assemblyLine(),
          request.job(),
          inputs,
          env,
          request.integrations(),
          inputs::savedFiles,
          run.buildNumber());
      gitRepos.cloneInputs(
          ws, request.assemblyLine(), request.job(), inputs, request.integrations(), log);
      grants = RegistryAccess.grants(request.assemblyLine(), request.job(), request.integrations());
      registryEnv = registry.write(ws, grants);
      for (Resource target : notifyOnly(request)) {
        writer.writeNotifyTarget(ws, target, request.integrations());
        targets.put(
            target.name(),
            envPlanner.asIn(
                request.assemblyLine(),
                ws.root().toString(),
                target.name(),
                lookup(inputs),
                request.integrations()));
      }
    } catch (IOException | RuntimeException e) {
      ws.delete(); // half-written, and it may already hold integration files
      throw e;
    }
    return new Prepared(ws, env, targets, registryEnv, grants);
  }

  /**
   * The notification resources the job's sections NOTIFY that are not among its INs and OUTs: their
   * variables and files are made for the notify call alone.
   */
  private static List<Resource> notifyOnly(Request request) {
    Job job = request.job();
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
                request
                    .assemblyLine()
                    .resource(name)
                    .filter(NotificationResource.class::isInstance)
                    .ifPresent(r -> out.putIfAbsent(name, r)));
    return List.copyOf(out.values());
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

  private JobEnv environment(Request request, Run run, Workspace ws, RunInputs inputs) {
    BuildInfo build =
        new BuildInfo(
            ws.root().toString(),
            Long.toString(run.id()),
            Integer.toString(run.buildNumber()),
            request.triggeredBy());
    return envPlanner.plan(
        request.job(),
        request.assemblyLine(),
        build,
        lookup(inputs),
        request.integrations(),
        request.secure());
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
                        GitRepoClone.shaData(v).map(ShaData::of)));
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
    params.forEach(
        (k, value) -> {
          out.put(String.valueOf(k), JsonText.asText(value));
        });
    return Optional.of(out);
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

  /** How a run that posts versions ended: its status and reason, and the OUT versions stored. */
  private record Posted(RunStatus status, Optional<String> reason, List<StoredVersion> versions) {}

  /**
   * Spec §1.6 steps 13–15, in one transaction: after a failure the previous state replaces what the
   * job left in {@code $JOB_STATE}; the job version; after a success the OUT versions; the status.
   * A version that would hold a secret is refused, and the run ends as a failure would (previous
   * state, a job version without what the job posted, no OUT version), unless the settings store it
   * masked. Whatever is stored is masked, so a secret can reach no version.
   */
  private Posted post(
      Request request,
      Run run,
      Workspace ws,
      RunInputs inputs,
      TaskSequence.Outcome outcome,
      JobLog log,
      JobSecrets secrets)
      throws IOException, SecretLeak {
    boolean success = outcome.status() == RunStatus.SUCCESS;
    List<Object> trace = trace(request.job(), inputs);
    if (!success) {
      restorePreviousState(ws);
    }
    NewVersion jobVersion =
        outVersions.job(request.line(), request.job(), ws, success, run.id(), trace);
    List<NewVersion> outs =
        success
            ? outVersions.outs(
                request.line(), request.assemblyLine(), request.job(), ws, inputs, run.id(), trace)
            : List.of();
    checkTheLog(log);
    VersionMask mask = new VersionMask(log.masker());
    Optional<String> refused =
        new PostedSecrets(mask, secrets::sourceOf, log, settings.storeMaskedVersions())
            .refusal(jobVersion, outs);
    if (refused.isPresent()) {
      restorePreviousState(ws);
      jobVersion = outVersions.job(request.line(), request.job(), ws, false, run.id(), trace);
      outs = List.of();
    }
    RunStatus status = refused.isPresent() ? RunStatus.FAILURE : outcome.status();
    Optional<String> reason = refused.isPresent() ? refused : outcome.reason();
    NewVersion job = mask.masked(jobVersion);
    List<NewVersion> masked = outs.stream().map(mask::masked).toList();
    List<StoredVersion> posted =
        store.transaction(
            c -> {
              store.versions().post(c, job);
              List<StoredVersion> made = new ArrayList<>();
              for (NewVersion v : masked) {
                made.add(store.versions().post(c, v));
              }
              recordEnd(c, run.id(), status, reason);
              return made;
            });
    for (StoredVersion v : posted) {
      log.runner(
          "new version of "
              + v.name()
              + ": #"
              + v.number()
              + v.versionName().map(n -> " " + n).orElse(""));
    }
    return new Posted(status, reason, posted);
  }

  /** A secret form got past the masker and {@code --strict-secrets} is on: nothing is posted. */
  private static final class SecretLeak extends Exception {
    SecretLeak(String message) {
      super(message);
    }
  }

  /**
   * Fail closed: the stored log is masked again where a line holds a secret the masker learnt too
   * late, and the log says where, never what; with {@code --strict-secrets} the job fails.
   */
  private void checkTheLog(JobLog log) throws IOException, SecretLeak {
    List<String> places = log.scrub(new LeakCheck(log.masker()));
    if (places.isEmpty()) {
      return;
    }
    String where = "a secret got past the masker into " + String.join("; ", places);
    if (settings.strictSecrets()) {
      throw new SecretLeak(where + " (--strict-secrets: the job fails and posts no version)");
    }
    log.runner(
        "warning: " + where + " (the stored log is masked again; --strict-secrets fails the job)");
  }

  private static List<Object> trace(Job job, RunInputs inputs) {
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

  private static void restorePreviousState(Workspace ws) throws IOException {
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

  private JobResult finishWithoutVersion(
      Request request, Run run, Instant started, RunStatus status, String reason, JobLog log) {
    return finishWithoutVersion(request, run, started, status, reason, log, null);
  }

  /**
   * Records the end of a run that posts no version. When the store cannot write it because the
   * device is full, the job's build folder {@code ws} (null: none yet) goes first, and the run ends
   * in error with that reason.
   */
  private JobResult finishWithoutVersion(
      Request request,
      Run run,
      Instant started,
      RunStatus status,
      String reason,
      JobLog log,
      Workspace ws) {
    log.runner(status.wire() + (reason.isEmpty() ? "" : ": " + reason));
    try {
      finish(request, run, status, reason.isEmpty() ? Optional.empty() : Optional.of(reason));
    } catch (StoreException e) {
      if (!disk.full(e)) {
        throw e;
      }
      return endOnFullDisk(request, run, started, ws, log);
    }
    return new JobResult(
        run.job(),
        run.id(),
        run.buildNumber(),
        status,
        Duration.between(started, Instant.now()),
        List.of(),
        reason.isEmpty() ? Optional.empty() : Optional.of(reason));
  }

  /**
   * The device of the home is full (the job filled it, most likely): the job's build folder is
   * removed to make room — the state it left cannot be kept anyway — and the run ends in error with
   * the reason; nothing is posted, so the job's previous state stays its latest. When even then the
   * end cannot be recorded, the command stops with the reason (the run shows as interrupted at the
   * next start).
   */
  private JobResult endOnFullDisk(
      Request request, Run run, Instant started, Workspace ws, JobLog log) {
    if (ws != null) {
      try {
        ws.delete();
      } catch (UncheckedIOException e) {
        // what could be removed is gone; the janitor tries again
      }
    }
    String reason = disk.reason(ws != null);
    log.runner(RunStatus.ERROR.wire() + ": " + reason);
    try {
      finish(request, run, RunStatus.ERROR, Optional.of(reason));
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
    return new JobResult(
        run.job(),
        run.id(),
        run.buildNumber(),
        RunStatus.ERROR,
        Duration.between(started, Instant.now()),
        List.of(),
        Optional.of(reason));
  }

  private void finish(Request request, Run run, RunStatus status, Optional<String> reason) {
    store.transaction(
        c -> {
          recordEnd(c, run.id(), status, reason);
          return null;
        });
  }

  /**
   * The final status. A daemon's request of a queued run stays in the queue until its worker is
   * done with everything the run triggered: the request keeps the line busy until then.
   */
  private void recordEnd(Connection c, long runId, RunStatus status, Optional<String> reason)
      throws SQLException {
    store.runs().finish(c, runId, status, reason);
  }
}
