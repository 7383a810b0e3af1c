package dev.shiprun.runner.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.StateResource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.exec.Cancellation;
import dev.shiprun.runner.exec.ProcessLauncher;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs an assembly line (spec §1.4): the start jobs (the roots, or the jobs named), then what their
 * new versions trigger — a new version of an IN resource with {@code switch} on (state resources
 * never trigger), or the success of an IN job — each job at most once per invocation, never before
 * a job upstream of it in this run has finished (dependencyMode chrono), independent jobs in
 * parallel up to a limit. One instance per invocation.
 */
public final class LineRunner {

  /** What the console shows while jobs run. */
  public interface Progress {
    void started(Job job);

    void finished(JobResult result);
  }

  /** What to run. */
  public record Request(
      String line,
      AssemblyLine assemblyLine,
      List<String> jobs,
      boolean downstream,
      Map<String, Integration> integrations,
      int parallel) {}

  /** Every run made, in the order they finished, and whether the invocation was cancelled. */
  public record Outcome(List<JobResult> results, boolean cancelled) {
    public boolean allSucceeded() {
      return !cancelled && results.stream().allMatch(JobResult::succeeded);
    }
  }

  private final Store store;
  private final JobRunner jobRunner;
  private final Progress progress;
  private final YamlVersions yamlVersions;
  private final WorkspaceJanitor janitor;
  private final Map<String, Cancellation> running = new ConcurrentHashMap<>();
  private volatile boolean cancelled;

  /** The run loop's thread was interrupted (JVM shutdown); its flag is set again on return. */
  private boolean interrupted;

  public LineRunner(
      Store store,
      EngineSettings settings,
      ProcessLauncher launcher,
      ObjectMapper json,
      Progress progress,
      LiveOutput live) {
    this.store = store;
    this.progress = progress;
    this.yamlVersions = new YamlVersions(json);
    this.janitor = new WorkspaceJanitor(settings.home().resolve("builds"));
    this.jobRunner =
        new JobRunner(
            store,
            settings,
            new TaskSequence(launcher),
            json,
            new Shipctl().install(settings.home().resolve("bin")),
            janitor,
            live);
  }

  /** Stops every running job the engine's way and starts no more (Ctrl-C). */
  public void cancelAll() {
    cancelled = true;
    running.values().forEach(Cancellation::cancel);
  }

  public Outcome run(Request request) {
    AssemblyLine line = request.assemblyLine();
    store.transaction(c -> yamlVersions.sync(c, store, request.line(), line));
    List<Job> start = new ArrayList<>();
    Map<String, String> triggeredBy = new HashMap<>();
    if (request.jobs().isEmpty()) {
      Set<String> versioned =
          store.transaction(c -> store.versions().namesWithVersions(c, request.line()));
      for (Job job : line.jobs()) {
        if (isRoot(line, job, versioned)) {
          start.add(job);
          // The user started the line: a manual run (JOB_TRIGGERED_BY_NAME), as with --job.
          triggeredBy.put(job.name(), "manual");
        }
      }
    } else {
      for (String name : request.jobs()) {
        start.add(line.job(name).orElseThrow());
        triggeredBy.put(name, "manual");
      }
    }
    List<Job> candidates =
        request.downstream() || request.jobs().isEmpty()
            ? line.downstreamClosure(start)
            : line.topologicalOrder().stream().filter(start::contains).toList();
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      order.put(candidates.get(i).name(), i);
    }
    Set<String> pending = new HashSet<>(order.keySet());
    Set<String> active = new HashSet<>();
    List<JobResult> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, request.parallel()));
    ExecutorCompletionService<JobResult> done = new ExecutorCompletionService<>(pool);
    try {
      while (true) {
        if (!cancelled) {
          for (Job job : ready(line, candidates, pending, active)) {
            pending.remove(job.name());
            String trigger = triggeredBy.get(job.name());
            if (trigger == null) {
              continue; // nothing upstream made a new version for it: it does not run
            }
            active.add(job.name());
            Cancellation cancellation = new Cancellation();
            running.put(job.name(), cancellation);
            progress.started(job);
            done.submit(
                () ->
                    jobRunner.run(
                        new JobRunner.Request(
                            request.line(),
                            line,
                            job,
                            trigger,
                            request.integrations(),
                            cancellation)));
          }
        }
        if (active.isEmpty()) {
          break;
        }
        JobResult result = take(done);
        active.remove(result.job());
        running.remove(result.job());
        results.add(result);
        progress.finished(result);
        if (result.succeeded()) {
          trigger(line, result, order.keySet(), triggeredBy);
        }
      }
    } finally {
      pool.shutdownNow();
      janitor.awaitDeletions();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return new Outcome(results, cancelled);
  }

  /** Pending jobs whose upstream jobs in this run are all finished, by priority then order. */
  private static List<Job> ready(
      AssemblyLine line, List<Job> candidates, Set<String> pending, Set<String> active) {
    List<Job> out = new ArrayList<>();
    for (Job job : candidates) {
      if (!pending.contains(job.name())) {
        continue;
      }
      boolean waiting = false;
      for (Job up : line.upstreamOf(job)) {
        if (pending.contains(up.name()) || active.contains(up.name())) {
          waiting = true;
          break;
        }
      }
      if (!waiting) {
        out.add(job);
      }
    }
    out.sort(Comparator.comparingInt(j -> j.header().priority()));
    return out;
  }

  /** Marks the jobs a successful run triggers, with what triggered them (JOB_TRIGGERED_BY_NAME). */
  private static void trigger(
      AssemblyLine line,
      JobResult result,
      Set<String> candidates,
      Map<String, String> triggeredBy) {
    Map<String, String> fired = new LinkedHashMap<>();
    for (StoredVersion v : result.outVersions()) {
      for (Job j : line.triggeredByResource(v.name())) {
        fired.putIfAbsent(j.name(), v.name());
      }
    }
    for (Job j : line.jobs()) {
      for (InStep in : j.ins()) {
        if (in.name().equals(result.job()) && in.switchOn()) {
          fired.putIfAbsent(j.name(), result.job());
        }
      }
    }
    fired.forEach(
        (job, by) -> {
          if (candidates.contains(job)) {
            triggeredBy.putIfAbsent(job, by);
          }
        });
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
        throw new IllegalStateException("a job runner failed: " + e.getCause(), e.getCause());
      }
    }
  }
}
