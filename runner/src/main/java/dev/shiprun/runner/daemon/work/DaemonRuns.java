package dev.shiprun.runner.daemon.work;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.TriggerResource;
import dev.shiprun.model.diagnostic.Suggestions;
import dev.shiprun.model.env.VariableName;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.daemon.DaemonLog;
import dev.shiprun.runner.daemon.DaemonSettings;
import dev.shiprun.runner.daemon.Problem;
import dev.shiprun.runner.daemon.ProblemException;
import dev.shiprun.runner.daemon.Problems;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.event.RunListener;
import dev.shiprun.runner.engine.job.EngineSettings;
import dev.shiprun.runner.engine.schedule.LineRunner;
import dev.shiprun.runner.engine.version.TriggerVersions;
import dev.shiprun.runner.plugin.Plugins;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.runner.secrets.IntegrationStore;
import dev.shiprun.runner.secrets.SecureValueCheck;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's runs: manual triggers become queued runs, workers run them with the CLI's engine
 * (strict about secrets: a leak into the log fails the job; a version that holds a secret is
 * refused, or stored masked with {@code --store-masked-versions}), cancels reach them, and the
 * runs' events reach the live logs, the metrics and the daemon's own log, each a listener of them.
 */
public final class DaemonRuns implements LineRunner.Progress {

  /** What a cancel did. */
  public enum Cancelled {
    /** It was queued: it is cancelled now and never begins. */
    BEFORE_START,
    /** It runs here: it is being stopped the engine's way and ends cancelled. */
    STOPPING
  }

  private final Store store;
  private final DaemonLines lines;
  private final DaemonSettings settings;
  private final DaemonLog log;
  private final ResourceTypes resourceTypes;
  private final DaemonMetrics metrics;
  private final LiveLogs live = new LiveLogs();
  private final ObjectMapper json = new ObjectMapper();
  private final LineEvents lineEvents = new LineEvents(json);
  private final QueueWorkers workers;

  /** How often a line's event stream gets a comment, so proxies keep it open. */
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final java.util.concurrent.atomic.AtomicBoolean started =
      new java.util.concurrent.atomic.AtomicBoolean();

  public DaemonRuns(
      Path home,
      Store store,
      DaemonLines lines,
      IntegrationStore integrations,
      DaemonSettings settings,
      DaemonLog log,
      Plugins plugins) {
    this.store = store;
    this.resourceTypes = plugins.resourceTypes();
    this.lines = lines;
    this.settings = settings;
    this.log = log;
    this.metrics =
        new DaemonMetrics(() -> store.<Integer>transaction(c -> store.queue().length(c)));
    this.workers =
        new QueueWorkers(
            store,
            new EngineSettings(
                home,
                Optional.empty(),
                settings.killGrace(),
                settings.inherited(),
                false,
                true,
                settings.storeMaskedVersions(),
                settings.runtime()),
            lines,
            integrations::load,
            line -> SecureValueCheck.open(line.pipeline(), () -> integrations),
            this,
            RunListener.all(live, lineEvents, metrics, new RunEventLog(log)),
            metrics::killed,
            settings.concurrency(),
            Duration.ofSeconds(1),
            plugins);
  }

  /** Starts the workers (once; later calls do nothing). */
  public void start() {
    if (started.compareAndSet(false, true)) {
      workers.start();
      lineEvents.keepAlive(KEEP_ALIVE);
    }
  }

  /** Takes no more work; running jobs get the stop grace, then are cancelled. */
  public void stop() {
    workers.stop(settings.stopGrace());
    lineEvents.close();
  }

  public boolean stopping() {
    return workers.stopping();
  }

  public LiveLogs live() {
    return live;
  }

  /** What happens on each line, for its followers. */
  public LineEvents lineEvents() {
    return lineEvents;
  }

  public DaemonMetrics metrics() {
    return metrics;
  }

  public DaemonSettings settings() {
    return settings;
  }

  /** The daemon's own log, for what happens beside runs (webhook deliveries). */
  public DaemonLog log() {
    return log;
  }

  /**
   * A manual trigger of {@code job} of {@code line}: a queued run with its build number. Refused
   * (as a problem) when the line or job is unknown, the line has errors, a variable name is not
   * one, the queue is full, or the daemon is stopping.
   */
  public Run trigger(String line, String job, Map<String, String> variables) {
    refuseWhenStopping();
    AssemblyLine valid = runnable(line);
    if (valid.job(job).isEmpty()) {
      List<String> known = valid.jobs().stream().map(Job::name).toList();
      throw Problems.notFound(
          "line '"
              + line
              + "' has no job named '"
              + job
              + "'"
              + Suggestions.closest(job, known)
                  .map(s -> "; did you mean '" + s + "'?")
                  .orElse("; its jobs: " + String.join(", ", known)));
    }
    checkVariables(variables);
    // The limit and the submit in one transaction: one round trip less per trigger.
    Run run =
        store.transaction(
            c -> {
              int queued = store.queue().length(c);
              if (queued >= settings.maxQueued()) {
                throw queueFull(queued);
              }
              return store.queue().submit(c, line, job, "manual", Map.copyOf(variables));
            });
    log.event(
        "queued",
        fields(run),
        "run " + run.id() + " queued: " + line + "/" + job + " #" + run.buildNumber());
    lineEvents.queued(run);
    workers.wake();
    return run;
  }

  /** A trigger resource's new version, and the runs it queued. */
  public record Fired(StoredVersion version, List<Run> runs) {}

  /**
   * A user triggers the trigger resource {@code name} of {@code line}: its next version is
   * recorded, and a run is queued for each job that reads it with switch on (one that another of
   * them triggers runs after it, in its run, as {@code shiprun trigger} runs it). Refused as a
   * problem when the line or resource is unknown (404), {@code name} is no trigger (409), a
   * variable name is not one, the queue is full, or the daemon is stopping.
   */
  public Fired fire(
      String line, String name, Optional<String> message, Map<String, String> variables) {
    refuseWhenStopping();
    AssemblyLine valid = runnable(line);
    TriggerResource trigger = triggerOf(valid, line, name);
    checkVariables(variables);
    Posted posted =
        post(
            line,
            valid,
            List.of(name),
            variables,
            c ->
                List.of(
                    new TriggerVersions(json, resourceTypes)
                        .fire(c, store, line, valid, trigger, message)));
    Fired fired = new Fired(posted.versions().get(0), posted.runs());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("line", line);
    fields.put("trigger", name);
    fields.put("version", fired.version().number());
    fields.put("runs", fired.runs().stream().map(Run::id).toList());
    log.event(
        "triggered",
        fields,
        "trigger "
            + line
            + "/"
            + name
            + " version "
            + fired.version().number()
            + ": "
            + (fired.runs().isEmpty()
                ? "no job reads it with switch on"
                : fired.runs().size() + " run(s) queued"));
    return fired;
  }

  /** Posts new versions of some resources of a line, in one transaction with its runs. */
  @FunctionalInterface
  public interface Posting {
    List<StoredVersion> post(Connection c) throws SQLException;
  }

  /** New versions of resources, and the runs they queued. */
  public record Posted(List<StoredVersion> versions, List<Run> runs) {}

  /**
   * New versions of {@code resources} of {@code line} ({@code valid}, from {@link #valid}) that
   * {@code posting} posts, and a queued run of each job that reads one of them with switch on (one
   * that another of them triggers runs after it, in its run, as {@code shiprun trigger} runs it);
   * each run is triggered by the first of {@code resources} its job reads. Refused as a problem
   * when the queue is full or the daemon is stopping.
   */
  public Posted post(
      String line,
      AssemblyLine valid,
      List<String> resources,
      Map<String, String> variables,
      Posting posting) {
    refuseWhenStopping();
    Map<Job, String> readers = new LinkedHashMap<>();
    for (String resource : resources) {
      TriggerVersions.readers(valid, resource).forEach(j -> readers.putIfAbsent(j, resource));
    }
    List<Job> start = new ArrayList<>();
    for (Job reader : readers.keySet()) {
      boolean triggeredByAnother =
          readers.keySet().stream()
              .anyMatch(o -> o != reader && valid.downstreamClosure(List.of(o)).contains(reader));
      if (!triggeredByAnother) {
        start.add(reader);
      }
    }
    Posted posted =
        store.transaction(
            c -> {
              int queued = store.queue().length(c);
              if (queued + start.size() > settings.maxQueued()) {
                throw queueFull(queued);
              }
              List<StoredVersion> versions = posting.post(c);
              List<Run> runs = new ArrayList<>();
              for (Job job : start) {
                runs.add(
                    store
                        .queue()
                        .submit(c, line, job.name(), readers.get(job), Map.copyOf(variables)));
              }
              return new Posted(versions, runs);
            });
    posted.runs().forEach(lineEvents::queued);
    if (!posted.runs().isEmpty()) {
      workers.wake();
    }
    return posted;
  }

  /**
   * The valid line the daemon holds as {@code line}; a problem when it holds none (404), or it has
   * errors (422).
   */
  public AssemblyLine valid(String line) {
    return runnable(line);
  }

  private void refuseWhenStopping() {
    if (stopping()) {
      throw new ProblemException(
          Problem.of(
              "stopping",
              "Service Unavailable",
              503,
              "the daemon is stopping and takes no new runs; trigger again once it is back"));
    }
  }

  /**
   * The valid line the daemon holds as {@code line}; a problem when it holds none, or has errors.
   */
  private AssemblyLine runnable(String line) {
    Validation loaded =
        lines
            .load(line)
            .orElseThrow(
                () ->
                    Problems.notFound(
                        "the daemon holds no line named '"
                            + line
                            + "'; PUT /api/lines/"
                            + line
                            + " first"));
    return loaded
        .valid()
        .orElseThrow(
            () ->
                Problems.unprocessable(
                    "line '"
                        + line
                        + "' has errors ("
                        + loaded.summary()
                        + "); GET /api/lines/"
                        + line
                        + " shows them, PUT it again once fixed"))
        .line();
  }

  /** The trigger resource {@code name}; a problem that says what the name is when it is none. */
  private static TriggerResource triggerOf(AssemblyLine valid, String line, String name) {
    Optional<Resource> resource = valid.resource(name);
    Optional<TriggerResource> found = resource.flatMap(Resource::asTrigger);
    if (found.isPresent()) {
      return found.get();
    }
    if (resource.isPresent()) {
      throw Problems.conflict(
          "resource '"
              + name
              + "' of line '"
              + line
              + "' is a "
              + resource.get().type()
              + " resource, not a trigger; only resources of type trigger are triggered");
    }
    if (valid.job(name).isPresent()) {
      throw Problems.conflict(
          "'"
              + name
              + "' of line '"
              + line
              + "' is a job, not a trigger; POST /api/lines/"
              + line
              + "/jobs/"
              + name
              + "/runs runs it");
    }
    List<String> triggers =
        valid.resources().stream()
            .filter(r -> r.asTrigger().isPresent())
            .map(Resource::name)
            .toList();
    throw Problems.notFound(
        "line '"
            + line
            + "' has no trigger named '"
            + name
            + "'"
            + Suggestions.closest(name, triggers)
                .map(s -> "; did you mean '" + s + "'?")
                .orElse(
                    triggers.isEmpty()
                        ? "; it has none (a resource of type trigger, or shippable.triggers.yml)"
                        : "; its triggers: " + String.join(", ", triggers)));
  }

  private static void checkVariables(Map<String, String> variables) {
    for (String name : variables.keySet()) {
      if (!VariableName.isValid(name)) {
        throw Problems.badRequest(
            "'"
                + name
                + "' is not a variable name: use letters, digits and _, not starting with a digit");
      }
    }
  }

  private static ProblemException queueFull(int queued) {
    return new ProblemException(
        Problem.of(
            "queue-full",
            "Too Many Requests",
            429,
            "the queue holds "
                + queued
                + " runs, the daemon's limit (--max-queued); wait for it to drain or start the"
                + " daemon with a higher --max-queued"));
  }

  public Optional<Run> run(long id) {
    return store.transaction(c -> store.runs().get(c, id));
  }

  /** Cancels run {@code id}; a problem when it is unknown, ended, or run by another process. */
  public Cancelled cancel(long id) {
    Run run = run(id).orElseThrow(() -> Problems.notFound("there is no run " + id));
    if (run.status() == RunStatus.QUEUED) {
      boolean cancelled =
          store.transaction(
              c -> {
                boolean ended =
                    store
                        .runs()
                        .endQueued(
                            c,
                            id,
                            RunStatus.CANCELLED,
                            "cancelled through the API before it began");
                if (ended) {
                  store.queue().removeForRun(c, id);
                }
                return ended;
              });
      if (cancelled) {
        live.ended(id);
        lineEvents.cancelledQueued(run);
        log.event("cancelled", fields(run), "run " + id + " cancelled before it began");
        metrics.finished(RunStatus.CANCELLED, Duration.ZERO);
        return Cancelled.BEFORE_START;
      }
      run = run(id).orElseThrow();
    }
    if (run.status() == RunStatus.PROCESSING) {
      // Between the run's start in the store and its engine being known here: a moment.
      for (int i = 0; i < 50; i++) {
        if (workers.cancel(id)) {
          log.event("cancel", fields(run), "run " + id + " is being cancelled");
          return Cancelled.STOPPING;
        }
        if (!store.<Boolean>transaction(c -> store.runs().ownedHere(c, id))) {
          break;
        }
        sleep();
      }
      run = run(id).orElseThrow();
      if (run.status() == RunStatus.PROCESSING) {
        throw Problems.conflict(
            "run "
                + id
                + " is run by another shiprun process (a shiprun run, or another daemon on this"
                + " home); stop it there");
      }
    }
    throw Problems.conflict(
        "run " + id + " already ended (" + run.status().wire() + "); there is nothing to cancel");
  }

  /** Where a run not live here stands, for a follower of its log. */
  public LiveLogs.Found where(long id) {
    Optional<Run> run = run(id);
    if (run.isEmpty()) {
      return LiveLogs.Found.UNKNOWN;
    }
    RunStatus status = run.get().status();
    if (status == RunStatus.QUEUED
        || (status == RunStatus.PROCESSING
            && store.<Boolean>transaction(c -> store.runs().ownedHere(c, id)))) {
      return LiveLogs.Found.WAITING;
    }
    return LiveLogs.Found.DONE;
  }

  // Progress: what the engine says about a request's jobs.

  @Override
  public void started(Job job) {}

  @Override
  public void waiting(Job job, String why) {}

  @Override
  public void leftOut(Job job, String why) {}

  @Override
  public void repository(String resource, String text) {
    log.event("repository", Map.of("resource", resource), "gitRepo " + resource + ": " + text);
  }

  @Override
  public void note(String text) {
    log.event("note", Map.of(), text);
  }

  /** The metrics and the daemon's log hear of a run's end as its {@code JobEnded} event. */
  @Override
  public void finished(JobResult result) {}

  private static Map<String, Object> fields(Run run) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("run", run.id());
    fields.put("line", run.line());
    fields.put("job", run.job());
    fields.put("build", run.buildNumber());
    return fields;
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
