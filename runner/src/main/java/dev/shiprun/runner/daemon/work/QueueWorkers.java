package dev.shiprun.runner.daemon.work;

import dev.shiprun.model.env.SecureParams;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.engine.event.RunListener;
import dev.shiprun.runner.engine.job.EngineSettings;
import dev.shiprun.runner.engine.schedule.Engine;
import dev.shiprun.runner.engine.schedule.LineRunner;
import dev.shiprun.runner.exec.ExecOptions;
import dev.shiprun.runner.plugin.PluginLoader;
import dev.shiprun.runner.plugin.Plugins;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunRequest;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The daemon's workers: each takes the oldest request of a line that is not running off the store's
 * queue and runs it with the same engine as {@code shiprun run --job} (its job, then what it
 * triggers), {@code concurrency} at a time. Runs of one line go one after the other (a job's builds
 * follow each other, as on Shippable, and a line's start — YAML versions, repositories, build
 * numbers — is not made for two at once); lines run side by side. The store keeps a request taken
 * until its worker is done with it, so no worker waits behind a busy line. Idle workers wait to be
 * woken by a new request, or look again after a short poll (another daemon on the same store may
 * have queued it). {@link #stop} lets running requests finish within a grace period, then cancels
 * them the engine's way.
 */
public final class QueueWorkers {

  /** Finds the assembly line a request names, as it is now; empty (with why) when it cannot. */
  public interface Lines {
    Result resolve(String line);

    /** The line, or why it cannot be run. */
    record Result(Optional<AssemblyLine> line, String problem) {}
  }

  private final Store store;
  private final Engine engine;
  private final Lines lines;
  private final Supplier<Map<String, Integration>> integrations;
  private final Function<AssemblyLine, SecureParams> secure;
  private final LineRunner.Progress progress;
  private final RunListener events;
  private final int concurrency;
  private final Duration poll;
  private final ExecutorService threads;
  private final Set<LineRunner> running = ConcurrentHashMap.newKeySet();

  /** The runs going on now, by id: which engine runs them, as which job (to cancel one). */
  private final Map<Long, Running> runs = new ConcurrentHashMap<>();

  private record Running(LineRunner runner, String job) {}

  private final Object wake = new Object();
  private volatile boolean stopping;

  /**
   * @param engine what every request runs on: one engine for the daemon's life, its threads,
   *     janitor and shipctl made once (not per request)
   */
  public QueueWorkers(
      Store store,
      EngineSettings engine,
      Lines lines,
      Supplier<Map<String, Integration>> integrations,
      LineRunner.Progress progress,
      RunListener events,
      int concurrency,
      Duration poll) {
    this(
        store,
        engine,
        lines,
        integrations,
        line -> SecureParams.NONE,
        progress,
        events,
        processes -> {},
        concurrency,
        poll,
        new PluginLoader().load(List.of()));
  }

  /**
   * @param secure opens the {@code secure:} values of a line's params resources when a run of it
   *     starts
   * @param events who hears the events of every run the workers make (a run whose request cannot be
   *     run ends with a {@code JobEnded} without a result)
   * @param killed told how many processes each kill of a run's processes stopped
   * @param plugins the resource types, job types, executors and notifiers the runs use
   */
  public QueueWorkers(
      Store store,
      EngineSettings engine,
      Lines lines,
      Supplier<Map<String, Integration>> integrations,
      Function<AssemblyLine, SecureParams> secure,
      LineRunner.Progress progress,
      RunListener events,
      IntConsumer killed,
      int concurrency,
      Duration poll,
      Plugins plugins) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be 1 or more, not " + concurrency);
    }
    this.store = store;
    this.engine = Engine.open(store, engine, ExecOptions.defaults(), killed, plugins);
    this.lines = lines;
    this.integrations = integrations;
    this.secure = secure;
    this.progress = progress;
    this.events = events;
    this.concurrency = concurrency;
    this.poll = poll;
    this.threads =
        Executors.newFixedThreadPool(
            concurrency,
            r -> {
              Thread t = new Thread(r, "shiprun-worker");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Kills the processes and removes the build folders of runs a crashed daemon left (the store
   * marked those runs interrupted when it opened), puts back the requests it had taken but not
   * begun, then starts the workers.
   */
  public void start() {
    engine.removeLeftovers(progress::note);
    store.transaction(c -> store.queue().recover(c));
    for (int i = 0; i < concurrency; i++) {
      threads.submit(this::work);
    }
  }

  /** A request was queued: an idle worker takes it now rather than at its next poll. */
  public void wake() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  /**
   * Cancels run {@code runId} if one of these workers runs it (TERM, grace, KILL, on_cancel; it
   * ends cancelled); false when it does not run here.
   */
  public boolean cancel(long runId) {
    Running r = runs.get(runId);
    return r != null && r.runner().cancel(r.job());
  }

  /** Whether {@link #stop} was called: no more requests are taken. */
  public boolean stopping() {
    return stopping;
  }

  /**
   * Takes no more requests, waits up to {@code grace} for the running ones, then cancels them
   * (TERM, grace, KILL, on_cancel; the runs recorded as cancelled) and waits for that, and for
   * their build folders to be cleared.
   */
  public void stop(Duration grace) {
    stopping = true;
    wake();
    threads.shutdown();
    try {
      if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        running.forEach(LineRunner::cancelAll);
        threads.awaitTermination(1, TimeUnit.MINUTES);
      }
    } catch (InterruptedException e) {
      running.forEach(LineRunner::cancelAll);
      Thread.currentThread().interrupt();
    }
    engine.close();
  }

  /**
   * A request taken off the queue, with what its run needs from the store, read in the same
   * transaction: the IN that started its run when a trigger resource's new version queued it.
   */
  private record Taken(RunRequest request, Map<String, String> startedThrough) {}

  /** What one worker transaction did: settled the last request, and took the next, if any. */
  private record Step(boolean neverBegan, Optional<Taken> next) {}

  /** A request the worker is done with, and whether its engine began its run. */
  private record Done(RunRequest request, boolean began) {}

  /**
   * Takes requests one after another. The request just done is settled in the same transaction that
   * takes the next one: one commit per request for the worker's share of the queue.
   */
  private void work() {
    Optional<Done> done = Optional.empty();
    while (true) {
      Optional<Done> last = done;
      boolean stop = stopping;
      if (stop && last.isEmpty()) {
        return;
      }
      Step step = store.transaction(c -> step(c, last, !stop));
      if (step.neverBegan()) {
        // Not stopping, yet the engine did not begin it: putting it back would take it again at
        // once, forever. End it in error instead (no known path leads here).
        refuse(last.orElseThrow().request(), "the engine did not begin this run");
      }
      done = Optional.empty();
      if (stop) {
        return;
      }
      if (step.next().isEmpty()) {
        idle();
        continue;
      }
      Taken taken = step.next().get();
      boolean began = false;
      try {
        began = run(taken);
      } catch (RuntimeException e) {
        refuse(taken.request(), "the runner failed: " + e.getMessage());
      }
      done = Optional.of(new Done(taken.request(), began));
    }
  }

  /** Settles {@code last} (when there is one), then takes the next request when {@code take}. */
  private Step step(Connection c, Optional<Done> last, boolean take) throws SQLException {
    boolean neverBegan = last.isPresent() && settle(c, last.get());
    if (!take) {
      return new Step(neverBegan, Optional.empty());
    }
    Optional<RunRequest> next = store.queue().take(c);
    if (next.isEmpty()) {
      return new Step(neverBegan, Optional.empty());
    }
    return new Step(neverBegan, Optional.of(new Taken(next.get(), startedThrough(c, next.get()))));
  }

  /**
   * The worker is done with the request (its run and what that triggered): a request whose run
   * never began because the daemon is stopping goes back to the queue for the next start; one whose
   * run began or ended leaves it (the run holds the outcome), and its line is free for the next.
   * True when its run never began and the daemon is not stopping.
   */
  private boolean settle(Connection c, Done done) throws SQLException {
    RunRequest request = done.request();
    boolean waits =
        !done.began()
            && request.runId().isPresent()
            && store
                .runs()
                .get(c, request.runId().getAsLong())
                .map(r -> r.status() == RunStatus.QUEUED)
                .orElse(false);
    if (waits && stopping) {
      store.queue().release(c, request.id());
      return false;
    }
    store.queue().remove(c, request.id());
    return waits;
  }

  private void idle() {
    synchronized (wake) {
      if (stopping) {
        return;
      }
      try {
        wake.wait(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopping = true;
      }
    }
  }

  /** A request that cannot run: its queued run ends in error with why, and waiters hear it. */
  private void refuse(RunRequest request, String why) {
    progress.note("request " + request.id() + " (" + request.job() + "): " + why);
    if (request.runId().isPresent()) {
      long runId = request.runId().getAsLong();
      boolean ended =
          store.transaction(c -> store.runs().endQueued(c, runId, RunStatus.ERROR, why));
      if (ended) {
        events.on(new RunEvent.JobEnded(request.job(), runId, Optional.empty()));
      }
    }
  }

  /**
   * A run queued by a trigger resource's new version (its run names the trigger as what triggered
   * it) starts through that IN, not as a manual run.
   */
  private Map<String, String> startedThrough(Connection c, RunRequest request) throws SQLException {
    if (request.runId().isEmpty()) {
      return Map.of();
    }
    Optional<String> by = store.runs().get(c, request.runId().getAsLong()).map(Run::triggeredBy);
    return by.isPresent() && !by.get().equals("manual")
        ? Map.of(request.job(), by.get())
        : Map.of();
  }

  /**
   * Runs the request's job and what it triggers; true when the engine began the request's queued
   * run (the run then holds the outcome, whatever happens next).
   */
  private boolean run(Taken taken) {
    RunRequest request = taken.request();
    Lines.Result resolved = lines.resolve(request.line());
    if (resolved.line().isEmpty()) {
      refuse(request, resolved.problem());
      return false;
    }
    AssemblyLine line = resolved.line().get();
    if (line.job(request.job()).isEmpty()) {
      refuse(request, "line '" + request.line() + "' has no job '" + request.job() + "' any more");
      return false;
    }
    LineRunner[] self = new LineRunner[1];
    boolean[] began = new boolean[1];
    long queued = request.runId().orElse(-1);
    // Which runs this request's engine runs (to cancel one), known before the others hear of them.
    RunListener tracked =
        event -> {
          if (event instanceof RunEvent.JobStarted started) {
            runs.put(started.runId(), new Running(self[0], started.job()));
            if (started.runId() == queued) {
              began[0] = true;
            }
          } else if (event instanceof RunEvent.JobEnded ended) {
            runs.remove(ended.runId());
          }
        };
    LineRunner runner = new LineRunner(engine, progress, RunListener.all(tracked, events));
    self[0] = runner;
    running.add(runner);
    try {
      if (stopping) {
        runner.cancelAll();
      }
      runner.run(
          new LineRunner.Request(
              request.line(),
              line,
              List.of(request.job()),
              true,
              integrations.get(),
              secure.apply(line),
              1,
              request.runId().isPresent()
                  ? Map.of(request.job(), request.runId().getAsLong())
                  : Map.of(),
              request.variables(),
              taken.startedThrough(),
              Optional.empty()));
    } finally {
      running.remove(runner);
    }
    return began[0];
  }
}
