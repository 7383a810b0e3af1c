package dev.shiprun.runner.engine.schedule;

import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.RunCiJob;
import dev.shiprun.model.ci.RepositoryCi;
import dev.shiprun.model.env.SecureParams;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.ExternalNames;
import dev.shiprun.model.graph.ImpliedCi;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.plan.NotRun;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.event.RunListener;
import dev.shiprun.runner.engine.gitrepo.GitRepoVersions;
import dev.shiprun.runner.engine.job.JobRunner;
import dev.shiprun.runner.engine.version.TriggerVersions;
import dev.shiprun.runner.exec.Cancellation;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoreException;
import dev.shiprun.runner.store.StoredVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;

/**
 * Runs an assembly line (spec §1.4): the start jobs (the roots, or the jobs named), then what their
 * new versions trigger — a new version of an IN resource with {@code switch} on (state resources
 * never trigger), or the success of an IN job — each job at most once per invocation, independent
 * jobs in parallel up to a limit. When a triggered job starts follows its dependencyMode, adapted
 * to one invocation ({@link StartRule}): {@code chrono} (the default) waits until no job upstream
 * of it in this run is pending, queued or running and is left out when one of them did not succeed;
 * {@code strict} waits the same way but runs whatever they ended in; {@code immediate} starts as
 * soon as a slot is free, reading the latest versions at its start. An IN's {@code dependencyMode}
 * overrides the job's when that IN triggered it. One instance per invocation (a command, a daemon
 * request), on an {@link Engine} that outlives it.
 */
public final class LineRunner {

  /** What the console shows while jobs run. */
  public interface Progress {
    /** The job is queued for a slot or running. */
    void started(Job job);

    /** A triggered job waits for upstream jobs (said once per job). */
    void waiting(Job job, String why);

    /** A triggered job will not run in this invocation. */
    void leftOut(Job job, String why);

    /** What looking at a gitRepo's repository found (new commits, or why it could not). */
    void repository(String resource, String text);

    /** What looking at the line's own repository for its ciRepo found (the commit it builds). */
    default void ciRepository(String resource, String text) {
      repository(resource, text);
    }

    /** Anything else the user should hear about (a leftover that could not be removed). */
    void note(String text);

    /**
     * Another run of the line holds it (in this or another process): this one waits for it to end
     * (said once; {@code why} names that run and its process).
     */
    default void waitingForLine(String why) {
      note("waiting " + why);
    }

    void finished(JobResult result);
  }

  /**
   * What to run. {@code queuedRuns} names, per start job, the queued run (the daemon's) its run is
   * to be; the others get new run rows. {@code variables} are added to the engine's inherited ones,
   * as {@code --env} entries are (a daemon request's trigger variables). {@code startedThrough}
   * names, per start job, the IN whose new version starts it (a trigger resource a user fired); the
   * others are manual runs. {@code secure}: the opened {@code secure:} values of the line's params
   * resources. {@code ciCommit}: the commit (a SHA) the line's own runCI job builds, else the
   * repository's HEAD.
   */
  public record Request(
      String line,
      AssemblyLine assemblyLine,
      List<String> jobs,
      boolean downstream,
      Map<String, Integration> integrations,
      SecureParams secure,
      int parallel,
      Map<String, Long> queuedRuns,
      Map<String, String> variables,
      Map<String, String> startedThrough,
      Optional<String> ciCommit) {

    public Request {
      Objects.requireNonNull(secure, "secure");
      Objects.requireNonNull(ciCommit, "ciCommit");
      queuedRuns = Map.copyOf(queuedRuns);
      variables = Map.copyOf(variables);
      startedThrough = Map.copyOf(startedThrough);
    }

    public Request(
        String line,
        AssemblyLine assemblyLine,
        List<String> jobs,
        boolean downstream,
        Map<String, Integration> integrations,
        SecureParams secure,
        int parallel) {
      this(
          line,
          assemblyLine,
          jobs,
          downstream,
          integrations,
          secure,
          parallel,
          Map.of(),
          Map.of(),
          Map.of(),
          Optional.empty());
    }
  }

  /**
   * Every run made, in the order they finished, whether the invocation was cancelled, and the jobs
   * it would have started but does not run (a runCI job, a managed type; see {@link NotRun}), and
   * the jobs of a whole-line run that could not start because an input has no version.
   */
  public record Outcome(
      List<JobResult> results, boolean cancelled, List<String> notRun, List<NotReady> notReady) {

    public Outcome {
      results = List.copyOf(results);
      notRun = List.copyOf(notRun);
      notReady = List.copyOf(notReady);
    }

    public Outcome(List<JobResult> results, boolean cancelled) {
      this(results, cancelled, List.of(), List.of());
    }

    /**
     * Every job that ran succeeded, and the run was not cancelled; a run that started nothing
     * because jobs wait for input versions did not succeed (nothing the user asked for was done).
     */
    public boolean allSucceeded() {
      return !cancelled
          && !ranNothingForWantOfVersions()
          && results.stream().allMatch(JobResult::succeeded);
    }

    /** No job ran, and some job could not start because an input has no version. */
    public boolean ranNothingForWantOfVersions() {
      return results.isEmpty() && !cancelled && !notReady.isEmpty();
    }
  }

  private final Engine engine;
  private final Store store;
  private final Progress progress;
  private final RunListener events;
  private final Map<String, Cancellation> running = new ConcurrentHashMap<>();
  private volatile boolean cancelled;

  /** The run loop's thread was interrupted (JVM shutdown); its flag is set again on return. */
  private boolean interrupted;

  /** A run of lines on {@code engine}: cheap, one per invocation (a command, a daemon request). */
  public LineRunner(Engine engine, Progress progress, RunListener events) {
    this.engine = engine;
    this.store = engine.store();
    this.progress = progress;
    this.events = events;
  }

  private static OptionalLong queuedRun(Request request, Job job) {
    Long id = request.queuedRuns().get(job.name());
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /**
   * Stops the running job {@code job} the engine's way (its run ends cancelled, so nothing it would
   * trigger starts); false when it is not running here.
   */
  public boolean cancel(String job) {
    Cancellation cancellation = running.get(job);
    if (cancellation == null) {
      return false;
    }
    cancellation.cancel();
    return true;
  }

  /** Stops every running job the engine's way and starts no more (Ctrl-C). */
  public void cancelAll() {
    cancelled = true;
    running.values().forEach(Cancellation::cancel);
  }

  /**
   * Runs the request once the line is free: one run of a line at a time on a home, across processes
   * ({@link LineLocks}). Cancelled while it waits, it runs nothing.
   */
  public Outcome run(Request request) {
    Optional<LineLocks.Held> held =
        engine.lineLocks().take(request.line(), () -> cancelled, progress::waitingForLine);
    if (held.isEmpty()) {
      return new Outcome(List.of(), true);
    }
    try (LineLocks.Held line = held.get()) {
      return runHeld(request);
    }
  }

  private Outcome runHeld(Request request) {
    AssemblyLine line = request.assemblyLine();
    Map<String, String> repositoryProblems = lookAtRepositories(request);
    store.transaction(c -> engine.yamlVersions().sync(c, store, request.line(), line));
    List<Job> start = new ArrayList<>();
    Set<String> versioned = Set.of();
    if (request.jobs().isEmpty()) {
      versioned = store.transaction(c -> store.versions().namesWithVersions(c, request.line()));
      for (Job job : line.jobs()) {
        if (isRoot(line, job, versioned)) {
          start.add(job);
        }
      }
    } else {
      for (String name : request.jobs()) {
        start.add(line.job(name).orElseThrow());
      }
    }
    // Topological order: a job left out in a pass releases its downstream jobs in the same pass.
    List<Job> candidates =
        request.downstream() || request.jobs().isEmpty()
            ? line.downstreamClosure(start)
            : line.topologicalOrder().stream().filter(start::contains).toList();
    // A manual run starts the jobs named whatever their inputs (a missing version is their error).
    List<NotReady> notReady =
        request.jobs().isEmpty()
            ? new MissingInputs(line, versioned, repositoryProblems, engine.types()).of(candidates)
            : List.of();
    for (NotReady n : notReady) {
      progress.leftOut(line.job(n.job()).orElseThrow(), n.reason());
    }
    if (request.jobs().isEmpty()) {
      tellJobsForOtherRepositories(line, candidates);
    }
    JobBoard board = new JobBoard(candidates);
    sayWhatWaitsForCi(line, request.jobs().isEmpty() ? line.jobs() : candidates, start);
    List<String> notRun = new ArrayList<>();
    // The user started the line or named the jobs: a manual run (JOB_TRIGGERED_BY_NAME), unless
    // they fired a trigger resource the job reads: then that IN triggered it.
    for (Job job : start) {
      String in = request.startedThrough().get(job.name());
      Optional<InStep> through = in == null ? Optional.empty() : TriggerVersions.through(job, in);
      board.trigger(
          job.name(),
          through.map(i -> Trigger.through(job, i)).orElseGet(() -> Trigger.manual(job)));
    }
    StartRule rule = new StartRule(line);
    Map<String, String> inherited = new LinkedHashMap<>(engine.settings().inherited());
    inherited.putAll(request.variables());
    List<JobResult> results = new ArrayList<>();
    // The engine's threads are shared (lines run side by side on one engine): this run keeps its
    // own share to request.parallel(), and its started jobs wait their turn here, in order.
    int slots = Math.max(1, request.parallel());
    Deque<JobRunner.Request> waiting = new ArrayDeque<>();
    int inFlight = 0;
    ExecutorCompletionService<JobResult> done =
        new ExecutorCompletionService<>(engine.jobThreads());
    boolean ended = false;
    try {
      while (true) {
        if (!cancelled) {
          for (Starting s : startable(line, candidates, board, rule, notRun)) {
            Job job = s.job();
            Cancellation cancellation = new Cancellation();
            running.put(job.name(), cancellation);
            progress.started(job);
            waiting.add(
                new JobRunner.Request(
                    request.line(),
                    line,
                    job,
                    s.trigger().by(),
                    request.integrations(),
                    request.secure(),
                    cancellation,
                    queuedRun(request, job),
                    inherited,
                    slots,
                    events));
          }
        }
        // After a cancel too: a waiting job then ends cancelled at once, its run on record.
        for (; inFlight < slots && !waiting.isEmpty(); inFlight++) {
          JobRunner.Request next = waiting.removeFirst();
          done.submit(() -> engine.jobRunner().run(next));
        }
        if (!board.hasActive()) {
          break;
        }
        JobResult result = take(done);
        inFlight--;
        board.finish(result);
        running.remove(result.job());
        results.add(result);
        progress.finished(result);
        if (result.succeeded()) {
          trigger(line, engine.types(), result, board);
        }
      }
      ended = true;
    } finally {
      if (!ended) {
        cancelAll(); // the loop failed: what it started must not run on unwatched
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return new Outcome(results, cancelled, notRun, notReady);
  }

  /**
   * A job that reads another repository's runCI job or ciRepo waits for that repository's CI:
   * nothing here triggers it, and the console says so once per job rather than leaving it out in
   * silence.
   */
  private void sayWhatWaitsForCi(AssemblyLine line, List<Job> jobs, List<Job> start) {
    for (Job job : jobs) {
      if (start.contains(job) || !job.runByShiprun()) {
        continue;
      }
      for (InStep in : job.ins()) {
        Optional<Resource> resource = line.resource(in.name());
        boolean ciJob =
            resource.isEmpty()
                && line.job(in.name()).orElse(null) instanceof RunCiJob runCi
                && !runCi.runByShiprun();
        boolean ciRepo =
            resource.isPresent()
                && resource.get().type().equals("ciRepo")
                && !ImpliedCi.isOwnCiRepo(line.pipeline(), in.name());
        if (ciJob || ciRepo) {
          progress.waiting(
              job,
              "for "
                  + (ciJob ? "the CI job '" : "a version of the ciRepo '")
                  + in.name()
                  + "' of another repository; only a run of that repository's CI makes it: run"
                  + " shiprun in that repository, or trigger it; it is not triggered here");
          break;
        }
      }
    }
  }

  /**
   * New commits of the gitRepos the jobs of this invocation read become versions before anything
   * starts (where Shippable had a webhook). The network is used outside any transaction. Returns,
   * per gitRepo whose look made no version, why not.
   */
  private Map<String, String> lookAtRepositories(Request request) {
    AssemblyLine line = request.assemblyLine();
    List<Job> jobs =
        request.jobs().isEmpty()
            ? line.jobs()
            : request.jobs().stream().map(n -> line.job(n).orElseThrow()).toList();
    if (!request.jobs().isEmpty() && request.downstream()) {
      jobs = line.downstreamClosure(jobs);
    }
    Set<String> read = new HashSet<>();
    jobs.forEach(j -> j.ins().forEach(in -> read.add(in.name())));
    lookAtOwnRepository(request, read);
    List<GitRepoResource> repos = GitRepoVersions.repos(line, read);
    if (repos.isEmpty()) {
      return Map.of();
    }
    GitRepoVersions.Known known =
        store.transaction(c -> GitRepoVersions.known(c, store, request.line(), repos));
    GitRepoVersions.Looked looked =
        engine
            .gitRepoVersions()
            .look(request.line(), repos, known, request.integrations(), progress::repository);
    store.transaction(c -> GitRepoVersions.record(c, store, request.line(), looked.found()));
    return looked.problems();
  }

  /**
   * The commit the line's own runCI job builds becomes a version of its ciRepo, when a job of this
   * invocation reads it and the latest version is of another commit.
   */
  private void lookAtOwnRepository(Request request, Set<String> read) {
    Optional<RepositoryCi> ci =
        request.assemblyLine().pipeline().ci().filter(c -> c.folder().isPresent());
    if (ci.isEmpty() || !read.contains(ci.get().repository() + ImpliedCi.RESOURCE_SUFFIX)) {
      return;
    }
    String resource = ci.get().repository() + ImpliedCi.RESOURCE_SUFFIX;
    Optional<StoredVersion> latest =
        store.transaction(c -> store.versions().latest(c, request.line(), resource));
    engine
        .ciRepoVersions()
        .look(request.line(), ci.get(), request.ciCommit(), latest, progress::ciRepository)
        .ifPresent(v -> store.transaction(c -> store.versions().post(c, v)));
  }

  /**
   * Jobs that read another repository's names are never roots here; the ones this run will not even
   * reach are named once, so their absence is explained (those it reaches are left out, with the
   * same reason, as they come up).
   */
  private void tellJobsForOtherRepositories(AssemblyLine line, List<Job> candidates) {
    if (line.external().isEmpty()) {
      return;
    }
    Set<String> reached = new HashSet<>();
    candidates.forEach(j -> reached.add(j.name()));
    for (Job job : line.jobs()) {
      List<String> external = line.external().usedBy(job);
      if (!external.isEmpty() && !reached.contains(job.name())) {
        progress.note(
            "job "
                + job.name()
                + " does not run: it "
                + ExternalNames.needsOtherRepository(external));
      }
    }
  }

  /** A job to submit, and the trigger it runs under. */
  private record Starting(Job job, Trigger trigger) {}

  /**
   * Decides every pending job, in topological order, marking the ones to start as active (so their
   * downstream jobs see them) and leaving out the ones that will not run; the ones to start by
   * priority then that order.
   */
  private List<Starting> startable(
      AssemblyLine line,
      List<Job> candidates,
      JobBoard board,
      StartRule rule,
      List<String> notRun) {
    List<Starting> out = new ArrayList<>();
    for (Job job : candidates) {
      if (!board.isPending(job.name())) {
        continue;
      }
      StartRule.Decision decision = rule.decide(job, board);
      Optional<String> whyNot =
          decision instanceof StartRule.Start ? NotRun.why(line, job) : Optional.empty();
      if (whyNot.isPresent()) {
        // It would start now, but shiprun does not run its type: left out, and so is what it
        // would have triggered.
        board.leaveOut(job.name());
        notRun.add(job.name());
        progress.leftOut(job, whyNot.get());
      } else if (decision instanceof StartRule.Start s) {
        board.start(job.name());
        out.add(new Starting(job, s.trigger()));
      } else if (decision instanceof StartRule.Wait w) {
        if (w.why().isPresent() && board.firstWait(job.name())) {
          progress.waiting(job, w.why().get());
        }
      } else if (decision instanceof StartRule.LeaveOut l) {
        board.leaveOut(job.name());
        l.why().ifPresent(why -> progress.leftOut(job, why));
      }
    }
    out.sort(Comparator.comparingInt(s -> s.job().header().priority()));
    return out;
  }

  /**
   * Records the triggers a successful run fires, each through the IN it reached: new versions of
   * resources whose type triggers jobs, and the job's success.
   */
  private static void trigger(
      AssemblyLine line, ResourceTypes types, JobResult result, JobBoard board) {
    for (StoredVersion v : result.outVersions()) {
      boolean triggers = line.resource(v.name()).map(r -> types.of(r).triggersJobs()).orElse(true);
      if (!triggers) {
        continue;
      }
      for (Job j : line.triggeredByResource(v.name())) {
        for (InStep in : j.ins()) {
          if (in.name().equals(v.name()) && in.switchOn()) {
            board.trigger(j.name(), Trigger.through(j, in));
            break;
          }
        }
      }
    }
    // The graph's index of job → jobs it triggers, not a scan of every job per finished job.
    for (Job j : line.triggeredBy(line.job(result.job()).orElseThrow())) {
      for (InStep in : j.ins()) {
        if (in.name().equals(result.job()) && in.switchOn()) {
          board.trigger(j.name(), Trigger.through(j, in));
        }
      }
    }
  }

  /** A job runs from the start when it reads no job and every resource it reads has a version. */
  private static boolean isRoot(AssemblyLine line, Job job, Set<String> versioned) {
    for (InStep in : job.ins()) {
      Optional<Resource> resource = line.resource(in.name());
      if (resource.isEmpty()) {
        return false;
      }
      if (!resource.get().isState() && !versioned.contains(in.name())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The next finished job. An interrupt (the JVM shutting down on Ctrl-C interrupts this thread)
   * cancels every job, and the wait goes on until they have stopped the engine's way: returning
   * early would let the JVM exit with the jobs' processes still running.
   */
  private JobResult take(ExecutorCompletionService<JobResult> done) {
    while (true) {
      try {
        return done.take().get();
      } catch (InterruptedException e) {
        interrupted = true;
        cancelAll();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof StoreException store) {
          throw store; // the home's store cannot be used: the command says so in one line
        }
        throw new IllegalStateException("a job runner failed: " + e.getCause(), e.getCause());
      }
    }
  }
}
