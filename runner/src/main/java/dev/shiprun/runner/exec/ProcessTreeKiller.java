package dev.shiprun.runner.exec;

import dev.shiprun.runner.exec.SignalledProcess.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Stops every process of a run: TERM to all of them, a grace period in which they may clean up
 * (processes started meanwhile get TERM too), then KILL, again and again, until none is left.
 *
 * <p>The processes are found through /proc: each one whose environment holds the run's {@link
 * RunToken} (inherited by children, grandchildren, background jobs, {@code nohup} and {@code
 * setsid} processes alike), the script itself, its process group, every member of the script's
 * cgroup (with {@link Containment.Cgroups}), and every descendant of any of these. Without a
 * cgroup, a process that starts with a cleared environment ({@code env -i}) <em>and</em> leaves
 * both the process tree and the process group (a daemon that double-forks and calls setsid) cannot
 * be found; neither can one owned by another user that shiprun may not read.
 */
public final class ProcessTreeKiller {

  /** How long KILL may take to show before the survivors are reported. */
  private static final Duration KILL_PATIENCE = Duration.ofSeconds(5);

  private static final Duration FIRST_POLL = Duration.ofMillis(10);
  private static final Duration MAX_POLL = Duration.ofMillis(100);

  private final Duration grace;
  private final ProcessTable table;
  private final IntConsumer killed;

  /**
   * @param grace how long processes get between TERM and KILL (Shippable's executor: 10 s)
   */
  public ProcessTreeKiller(Duration grace) {
    this(grace, killed -> {});
  }

  /**
   * @param killed told how many processes each kill signalled (the daemon's metrics)
   */
  public ProcessTreeKiller(Duration grace, IntConsumer killed) {
    this(grace, new ProcessTable(Path.of("/proc")), killed);
  }

  ProcessTreeKiller(Duration grace, ProcessTable table) {
    this(grace, table, killed -> {});
  }

  ProcessTreeKiller(Duration grace, ProcessTable table, IntConsumer killed) {
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("a grace period cannot be negative: " + grace);
    }
    this.grace = grace;
    this.table = table;
    this.killed = killed;
  }

  /**
   * Kills every process that still carries {@code token}, for instance what a finished script left
   * running in the background. Returns at once when there is none.
   */
  public KillReport sweep(RunToken token) {
    return kill(ProcessTree.marked(token));
  }

  /**
   * Kills every process of every launch of one run (tokens made by {@link RunToken#forRun}): what a
   * shiprun that died mid-run left behind.
   */
  public KillReport sweepRun(String scope, long runId) {
    return sweepRun(scope, runId, List.of());
  }

  /** As {@link #sweepRun(String, long)}, with the members of the run's cgroups that are left. */
  KillReport sweepRun(String scope, long runId, List<JobCgroup> cgroups) {
    return kill(ProcessTree.markedWithPrefix(RunToken.ofRun(scope, runId), cgroups));
  }

  /** Where the processes of a launch that starts now will be found (see {@link PidWindow}). */
  Optional<PidWindow> window() {
    return table.window();
  }

  /** Whether this system lets it find processes (it needs Linux's /proc). */
  boolean canFindProcesses() {
    return table.isReadable();
  }

  KillReport kill(ProcessTree tree) {
    Map<Long, SignalledProcess> signalled = new LinkedHashMap<>();
    long start = System.nanoTime();
    long killFrom = start + grace.toNanos();
    long giveUp = killFrom + KILL_PATIENCE.toNanos();
    Duration poll = FIRST_POLL;
    boolean interrupted = false;
    while (true) {
      List<ProcessHandle> alive = table.find(tree);
      long now = System.nanoTime();
      if (alive.isEmpty() || now - giveUp >= 0) {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return report(signalled, alive);
      }
      Signal signal = now - killFrom >= 0 ? Signal.KILL : Signal.TERM;
      if (signal == Signal.KILL) {
        tree.cgroups().forEach(JobCgroup::killAll); // all at once, even one that keeps forking
      }
      for (ProcessHandle process : alive) {
        SignalledProcess before = signalled.get(process.pid());
        if (signal == Signal.TERM && before != null) {
          continue;
        }
        String commandLine =
            before != null ? before.commandLine() : table.commandLine(process.pid());
        boolean sent = signal == Signal.KILL ? process.destroyForcibly() : process.destroy();
        if (sent) {
          signalled.put(process.pid(), new SignalledProcess(process.pid(), commandLine, signal));
        }
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        interrupted = true; // finish the job first: nothing of the run may outlive it
      }
      poll = poll.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : poll.multipliedBy(2);
    }
  }

  private KillReport report(Map<Long, SignalledProcess> signalled, List<ProcessHandle> alive) {
    List<SignalledProcess> survivors = new ArrayList<>();
    for (ProcessHandle process : alive) {
      SignalledProcess known = signalled.remove(process.pid());
      survivors.add(
          known != null
              ? known
              : new SignalledProcess(process.pid(), table.commandLine(process.pid()), Signal.KILL));
    }
    if (!signalled.isEmpty()) {
      killed.accept(signalled.size());
    }
    return new KillReport(new ArrayList<>(signalled.values()), survivors);
  }
}
