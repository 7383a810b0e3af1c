package dev.shiprun.runner.exec;

import dev.shiprun.runner.exec.LaunchResult.Cancelled;
import dev.shiprun.runner.exec.LaunchResult.Errored;
import dev.shiprun.runner.exec.LaunchResult.Exited;
import dev.shiprun.runner.exec.LaunchResult.TimedOut;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs one bash script on the host for a job step: with exactly the given environment, its stdout
 * and stderr streamed line by line to an {@link OutputSink}, within a time limit, stoppable from
 * another thread; and when it ends, for whatever reason, nothing it started is left running.
 */
public final class ProcessLauncher {

  /** How long the output may take to end once every process of the run is gone. */
  private static final Duration DRAIN_PATIENCE = Duration.ofSeconds(5);

  /** How long a waiting launch may take to notice a cancellation. */
  private static final long CANCEL_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final ExecOptions options;
  private final ProcessTreeKiller killer;

  /** Reads the scripts' output; threads are kept a while for the next script, then end. */
  private final ExecutorService readers =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "shiprun-output");
            thread.setDaemon(true);
            return thread;
          });

  /** Kills what every launch of run {@code runId} left (a shiprun that died mid-run). */
  public KillReport sweepRun(String scope, long runId) {
    return killer.sweepRun(scope, runId);
  }

  public ProcessLauncher(ExecOptions options, ProcessTreeKiller killer) {
    this.options = Objects.requireNonNull(options, "options");
    this.killer = Objects.requireNonNull(killer, "killer");
  }

  /**
   * Runs the script and returns when it and every process it started are gone and its output is
   * delivered. Processes it leaves running after it exits are killed and reported in {@link
   * Exited#leftovers()}. An interrupt of the calling thread counts as a cancellation (and the
   * thread's interrupt flag is set again on return).
   */
  public LaunchResult run(Launch launch, OutputSink sink, Cancellation cancellation) {
    Optional<String> problem = problem(launch);
    if (problem.isPresent()) {
      return new Errored(problem.get());
    }
    if (cancellation.isCancelled()) {
      return new Cancelled(KillReport.NONE);
    }
    Optional<PidWindow> window = killer.window();
    Process process;
    try {
      process = builder(launch).start();
    } catch (IOException e) {
      return new Errored("cannot start " + options.bash() + ": " + e.getMessage());
    }
    long deadline = System.nanoTime() + launch.timeout().toNanos();
    OutputPump pump = OutputPump.start(process, sink, readers);
    Ending ending = awaitEnd(process, cancellation, deadline);
    KillReport killed =
        killer.kill(
            new ProcessTree(
                launch.token(),
                Optional.of(process.toHandle()),
                options.setsid().isPresent(),
                window,
                false));
    pump.finish(DRAIN_PATIENCE);
    if (ending == Ending.INTERRUPTED) {
      Thread.currentThread().interrupt();
    }
    Optional<RuntimeException> lost = pump.failure();
    if (lost.isPresent()) {
      return new Errored("the script's output could not be delivered: " + oneLine(lost.get()));
    }
    return switch (ending) {
      case EXITED -> new Exited(process.exitValue(), killed);
      case TIMED_OUT -> new TimedOut(launch.timeout(), killed);
      case CANCELLED, INTERRUPTED -> new Cancelled(killed);
    };
  }

  private enum Ending {
    EXITED,
    TIMED_OUT,
    CANCELLED,
    INTERRUPTED
  }

  /**
   * Waits for the script on the launching thread, in slices, looking for a cancellation between
   * them. Not {@code Process.onExit()}: on a machine with two cores the JDK completes it on a new
   * thread per process (CompletableFuture's async pool is a thread per task when the common pool's
   * parallelism is 1), one thread start and two more hand-offs per script (docs/benchmarks.md). An
   * exit wakes {@code waitFor} at once; a cancellation is seen within one slice.
   */
  private static Ending awaitEnd(Process process, Cancellation cancellation, long deadline) {
    try {
      while (!cancellation.isCancelled()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        if (process.waitFor(Math.min(left, CANCEL_SLICE_NANOS), TimeUnit.NANOSECONDS)) {
          return Ending.EXITED;
        }
      }
    } catch (InterruptedException e) {
      return process.isAlive() ? Ending.INTERRUPTED : Ending.EXITED;
    }
    if (!process.isAlive()) {
      return Ending.EXITED;
    }
    return cancellation.isCancelled() ? Ending.CANCELLED : Ending.TIMED_OUT;
  }

  private ProcessBuilder builder(Launch launch) {
    List<String> command = new ArrayList<>();
    options.setsid().ifPresent(setsid -> command.add(setsid.toString()));
    command.add(options.bash().toString());
    command.add(launch.script().toAbsolutePath().toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(launch.workingDirectory().toFile())
            .redirectInput(Redirect.from(new File("/dev/null")));
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.putAll(launch.environment());
    environment.put(RunToken.VARIABLE, launch.token().value());
    return builder;
  }

  /** What keeps the launch from starting, as one line for the user. */
  private Optional<String> problem(Launch launch) {
    if (!killer.canFindProcesses()) {
      return Optional.of(
          "cannot see processes in /proc, so nothing a script starts could be stopped: run host"
              + " TASKs on Linux");
    }
    if (!Files.isExecutable(options.bash())) {
      return Optional.of(
          "bash is not found at " + options.bash() + ": install bash, which runs every TASK");
    }
    if (options.setsid().isPresent() && !Files.isExecutable(options.setsid().get())) {
      return Optional.of("setsid is not found at " + options.setsid().get());
    }
    if (!Files.isDirectory(launch.workingDirectory())) {
      return Optional.of("the working directory " + launch.workingDirectory() + " does not exist");
    }
    if (!Files.isRegularFile(launch.script())) {
      return Optional.of("the script " + launch.script() + " does not exist");
    }
    for (Map.Entry<String, String> variable : launch.environment().entrySet()) {
      String name = variable.getKey();
      if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
        return Optional.of(
            "'"
                + name.replace('\0', '?')
                + "' cannot be the name of an environment variable: a name is not empty and holds"
                + " no '=' and no NUL character");
      }
      if (variable.getValue().indexOf('\0') >= 0) {
        return Optional.of(
            "the value of environment variable "
                + name
                + " holds a NUL character, which no environment can carry: remove it");
      }
    }
    return Optional.empty();
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage();
    String what = e.getClass().getSimpleName();
    return message == null || message.isBlank()
        ? what
        : what + ": " + message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
