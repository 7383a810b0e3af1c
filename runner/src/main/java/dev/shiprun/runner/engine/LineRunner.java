package dev.shiprun.runner.engine;

import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.StateResource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.ExternalNames;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.exec.Cancellation;
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
   * as {@code --env} entries are (a daemon request's trigger variables).
   */
  public record Request(
      String line,
      AssemblyLine assemblyLine,
      List<String> jobs,
      boolean downstream,
      Map<String, Integration> integrations,
      int parallel,
      Map<String, Long> queuedRuns,
      Map<String, String> variables) {

    public Request {
      queuedRuns = Map.copyOf(queuedRuns);
      variables = Map.copyOf(variables);
    }

    public Request(
        String line,
        AssemblyLine assemblyLine,
        List<String> jobs,
        boolean downstream,
        Map<String, Integration> integrations,
        int parallel) {
      this(line, assemblyLine, jobs, downstream, integrations, parallel, Map.of(), Map.of());
    }
  }

  /** Every run made, in the order they finished, and whether the invocation was cancelled. */
  public record Outcome(List<JobResult> results, boolean cancelled) {
    public boolean allSucceeded() {
      return !cancelled && results.stream().allMatch(JobResult::succeeded);
    }
  }

  private final Engine engine;
  private final Store store;
  private final Progress progress;
  private final LiveOutput live;
  private final Map<String, Cancellation> running = new ConcurrentHashMap<>();
  private volatile boolean cancelled;

  /** The run loop's thread was interrupted (JVM shutdown); its flag is set again on return. */
  private boolean interrupted;

  /** A run of lines on {@code engine}: cheap, one per invocation (a command, a daemon request). */
  public LineRunner(Engine engine, Progress progress, LiveOutput live) {
    this.engine = engine;
    this.store = engine.store();
    this.progress = progress;
    this.live = live;
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
    lookAtRepositories(request);
    store.transaction(c -> engine.yamlVersions().sync(c, store, request.line(), line));
    List<Job> start = new ArrayList<>();
    if (request.jobs().isEmpty()) {
      Set<String> versioned =
          store.transaction(c -> store.versions().namesWithVersions(c, request.line()));
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
    if (request.jobs().isEmpty()) {
      tellJobsForOtherRepositories(line, candidates);
    }
    JobBoard board = new JobBoard(candidates);
    // The user started the line or named the jobs: a manual run (JOB_TRIGGERED_BY_NAME).
    start.forEach(job -> board.trigger(job.name(), Trigger.manual(job)));
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
          for (Starting s : startable(candidates, board, rule)) {
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
                    cancellation,
                    queuedRun(request, job),
                    inherited,
                    live));
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
          trigger(line, result, board);
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
    return new Outcome(results, cancelled);
  }

  /**
   * New commits of the gitRepos the jobs of this invocation read become versions before anything
   * starts (where Shippable had a webhook). The network is used outside any transaction.
   */
  private void lookAtRepositories(Request request) {
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
    List<GitRepoResource> repos = GitRepoVersions.repos(line, read);
    if (repos.isEmpty()) {
      return;
    }
    GitRepoVersions.Known known =
        store.transaction(c -> GitRepoVersions.known(c, store, request.line(), repos));
    List<GitRepoVersions.Found> found =
        engine
            .gitRepoVersions()
            .look(request.line(), repos, known, request.integrations(), progress::repository);
    store.transaction(c -> GitRepoVersions.record(c, store, request.line(), found));
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
  private List<Starting> startable(List<Job> candidates, JobBoard board, StartRule rule) {
    List<Starting> out = new ArrayList<>();
    for (Job job : candidates) {
      if (!board.isPending(job.name())) {
        continue;
      }
      StartRule.Decision decision = rule.decide(job, board);
      if (decision instanceof StartRule.Start s) {
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

  /** Records the triggers a successful run fires, each through the IN it reached. */
  private static void trigger(AssemblyLine line, JobResult result, JobBoard board) {
    for (StoredVersion v : result.outVersions()) {
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
      if (!(resource.get() instanceof StateResource) && !versioned.contains(in.name())) {
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
