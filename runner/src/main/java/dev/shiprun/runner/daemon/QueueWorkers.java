package dev.shiprun.runner.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.engine.EngineSettings;
import dev.shiprun.runner.engine.LineRunner;
import dev.shiprun.runner.engine.LiveOutput;
import dev.shiprun.runner.exec.ExecOptions;
import dev.shiprun.runner.exec.ProcessLauncher;
import dev.shiprun.runner.exec.ProcessTreeKiller;
import dev.shiprun.runner.store.RunRequest;
import dev.shiprun.runner.store.Store;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The daemon's workers (issue 5): each takes the oldest request off the store's queue and runs it
 * with the same engine as {@code shiprun run --job} (its job, then what it triggers), {@code
 * concurrency} at a time. Idle workers wait to be woken by a new request, or look again after a
 * short poll (another daemon on the same store may have queued it). {@link #stop} lets running
 * requests finish within a grace period, then cancels them the engine's way.
 */
public final class QueueWorkers {

  /** Finds the assembly line a request names, as it is now; empty (with why) when it cannot. */
  public interface Lines {
    Result resolve(String line);

    /** The line, or why it cannot be run. */
    record Result(Optional<AssemblyLine> line, String problem) {}
  }

  private final Store store;
  private final EngineSettings engine;
  private final Lines lines;
  private final Supplier<Map<String, Integration>> integrations;
  private final LineRunner.Progress progress;
  private final LiveOutput live;
  private final int concurrency;
  private final Duration poll;
  private final ObjectMapper json = new ObjectMapper();
  private final ExecutorService threads;
  private final Set<LineRunner> running = ConcurrentHashMap.newKeySet();

  /**
   * One request per line at a time: a job's builds run one after the other (as on Shippable), and a
   * line's start (YAML versions, repositories, build numbers) is not made for two at once. Requests
   * of different lines run side by side.
   */
  private final Map<String, ReentrantLock> lineLocks = new ConcurrentHashMap<>();

  private final Object wake = new Object();
  private volatile boolean stopping;

  public QueueWorkers(
      Store store,
      EngineSettings engine,
      Lines lines,
      Supplier<Map<String, Integration>> integrations,
      LineRunner.Progress progress,
      LiveOutput live,
      int concurrency,
      Duration poll) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be 1 or more, not " + concurrency);
    }
    this.store = store;
    this.engine = engine;
    this.lines = lines;
    this.integrations = integrations;
    this.progress = progress;
    this.live = live;
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

  /** Puts back what a crashed daemon had taken, then starts the workers. */
  public void start() {
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
   * Takes no more requests, waits up to {@code grace} for the running ones, then cancels them
   * (TERM, grace, KILL, on_cancel; the runs recorded as cancelled) and waits for that.
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
  }

  private void work() {
    while (!stopping) {
      Optional<RunRequest> next = store.transaction(c -> store.queue().take(c));
      if (next.isEmpty()) {
        idle();
        continue;
      }
      try {
        run(next.get());
      } catch (RuntimeException e) {
        progress.note(
            "request " + next.get().id() + " (" + next.get().job() + ") failed: " + e.getMessage());
      } finally {
        store.transaction(
            c -> {
              store.queue().remove(c, next.get().id());
              return null;
            });
      }
    }
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

  private void run(RunRequest request) {
    Lines.Result resolved = lines.resolve(request.line());
    if (resolved.line().isEmpty()) {
      progress.note(
          "request " + request.id() + " for line '" + request.line() + "': " + resolved.problem());
      return;
    }
    AssemblyLine line = resolved.line().get();
    if (line.job(request.job()).isEmpty()) {
      progress.note(
          "request "
              + request.id()
              + ": line '"
              + request.line()
              + "' has no job '"
              + request.job()
              + "' any more");
      return;
    }
    // The request's variables work like --env: after the allow-list, before the job's own.
    Map<String, String> inherited = new LinkedHashMap<>(engine.inherited());
    inherited.putAll(request.variables());
    EngineSettings settings =
        new EngineSettings(
            engine.home(),
            engine.timeout(),
            engine.grace(),
            inherited,
            engine.keepWorkspace(),
            engine.strictSecrets());
    LineRunner runner =
        new LineRunner(
            store,
            settings,
            new ProcessLauncher(ExecOptions.defaults(), new ProcessTreeKiller(engine.grace())),
            json,
            progress,
            live);
    ReentrantLock lock = lineLocks.computeIfAbsent(request.line(), l -> new ReentrantLock());
    lock.lock();
    running.add(runner);
    try {
      if (stopping) {
        runner.cancelAll();
      }
      runner.run(
          new LineRunner.Request(
              request.line(), line, List.of(request.job()), true, integrations.get(), 1));
    } finally {
      running.remove(runner);
      lock.unlock();
    }
  }
}
