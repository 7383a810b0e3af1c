package dev.shiprun.runner.exec;

import dev.shiprun.runner.exec.LaunchResult.Cancelled;
import dev.shiprun.runner.exec.LaunchResult.Errored;
import dev.shiprun.runner.exec.LaunchResult.Exited;
import dev.shiprun.runner.exec.LaunchResult.TimedOut;
import dev.shiprun.spi.CancelSignal;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one bash script on the host for a job step: with exactly the given environment, its stdout
 * and stderr streamed as they come to an {@link OutputSink}, within a time limit, stoppable from
 * another thread; and when it ends, for whatever reason, nothing it started is left running. Where
 * the machine allows it each script runs in a cgroup of its own ({@link Containment}), so that
 * holds even for a process that leaves the script's session and clears its environment.
 */
public final class ProcessLauncher {

  /** How long the output may take to end once every process of the run is gone. */
  private static final Duration DRAIN_PATIENCE = Duration.ofSeconds(5);

  /** How long a waiting launch may take to notice a cancellation. */

  /** The name of a script's cgroup starts with this and its run token. */
  private static final String CGROUP_PREFIX = "shiprun-";

  private final ExecOptions options;
  private final ProcessTreeKiller killer;

  /** Numbers this launcher's cgroups, so a name is never reused while an old one may remain. */
  private final AtomicLong launches = new AtomicLong();

  /** Found at the first launch (or {@link #containment()} call), then kept. */
  private volatile Containment containment;

  /** Made with the containment when it is cgroups; absent otherwise. */
  private volatile CgroupMoveWarmer warmer;

  /** Finds the containment ahead of the first launch, when asked to ({@link #findAhead()}). */
  private Thread finder;

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
    if (containment() instanceof Containment.Cgroups cgroups) {
      List<JobCgroup> left =
          JobCgroup.existing(cgroups, CGROUP_PREFIX + RunToken.ofRun(scope, runId).value());
      KillReport report = killer.sweepRun(scope, runId, left);
      left.forEach(JobCgroup::remove);
      return report;
    }
    return killer.sweepRun(scope, runId);
  }

  /**
   * What keeps a script's processes together here; found once, by trying ({@link
   * ContainmentProbe}).
   */
  public Containment containment() {
    Containment found = containment;
    if (found == null) {
      synchronized (this) {
        found = containment;
        if (found == null) {
          found = new ContainmentProbe(options).detect();
          if (found instanceof Containment.Cgroups cgroups) {
            warmer = new CgroupMoveWarmer(cgroups.parent().resolve(JobCgroup.PROCS));
          }
          containment = found;
        }
      }
    }
    return found;
  }

  /**
   * Starts finding the containment on a thread of its own, so that the first launch does not wait
   * for the probe's process and its move into a cgroup. {@link #close()} waits for it.
   */
  public synchronized void findAhead() {
    if (finder == null && containment == null) {
      finder = new Thread(this::containment, "shiprun-containment-probe");
      finder.setDaemon(true);
      finder.start();
    }
  }

  /** Waits for a probe started by {@link #findAhead()}, so that it leaves no cgroup behind. */
  public void close() {
    Thread started;
    synchronized (this) {
      started = finder;
    }
    if (started == null) {
      return;
    }
    boolean interrupted = false;
    while (started.isAlive()) {
      try {
        started.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
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
  public LaunchResult run(Launch launch, OutputSink sink, CancelSignal cancellation) {
    Optional<String> problem = problem(launch);
    if (problem.isPresent()) {
      return new Errored(problem.get());
    }
    if (cancellation.isCancelled()) {
      return new Cancelled(KillReport.NONE);
    }
    Optional<JobCgroup> cgroup = cgroup(launch, sink);
    Optional<PidWindow> window = killer.window();
    Process process;
    try {
      process = builder(launch, cgroup).start();
    } catch (IOException e) {
      cgroup.ifPresent(JobCgroup::remove);
      return new Errored("cannot start " + options.bash() + ": " + e.getMessage());
    }
    long deadline = System.nanoTime() + launch.timeout().toNanos();
    OutputPump pump = OutputPump.start(process, sink, readers);
    ProcessWait.Ending ending = ProcessWait.until(process, cancellation, deadline);
    KillReport killed =
        killer.kill(
            new ProcessTree(
                launch.token(),
                Optional.of(process.toHandle()),
                options.setsid().isPresent(),
                window,
                false,
                cgroup.stream().toList()));
    cgroup.ifPresent(JobCgroup::remove); // stays only when a process would not die (reported)
    pump.finish(DRAIN_PATIENCE);
    if (ending == ProcessWait.Ending.INTERRUPTED) {
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

  /**
   * A new cgroup for the launch when cgroups are in force; empty otherwise, or when none can be
   * made now (the script is then told so on stderr and the run token finds its processes).
   */
  private Optional<JobCgroup> cgroup(Launch launch, OutputSink sink) {
    if (!(containment() instanceof Containment.Cgroups cgroups)) {
      return Optional.empty();
    }
    warmer.launching(); // before the cgroup is made: the script's move may find the lock warm
    String name = CGROUP_PREFIX + launch.token().value() + "-" + launches.incrementAndGet();
    try {
      return Optional.of(JobCgroup.create(cgroups, name));
    } catch (IOException e) {
      byte[] said =
          ("shiprun: cannot make the cgroup "
                  + cgroups.parent().resolve(name)
                  + " ("
                  + oneLine(e)
                  + "): only the run token finds what this script starts\n")
              .getBytes(StandardCharsets.UTF_8);
      sink.write(OutputSink.Channel.STDERR, said, 0, said.length);
      return Optional.empty();
    }
  }

  private ProcessBuilder builder(Launch launch, Optional<JobCgroup> cgroup) {
    List<String> command = new ArrayList<>();
    options.setsid().ifPresent(setsid -> command.add(setsid.toString()));
    if (cgroup.isPresent()) {
      command.addAll(
          List.of(options.sh().toString(), "-c", JobCgroup.ENTER, cgroup.get().procs().toString()));
    }
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
    Optional<String> setting = options.containmentProblem();
    if (setting.isPresent()) {
      return setting;
    }
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
