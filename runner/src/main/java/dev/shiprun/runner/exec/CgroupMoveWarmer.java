package dev.shiprun.runner.exec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps moves into cgroups quick while scripts are being launched. Every move takes one kernel-wide
 * lock which, when no move happened within about one RCU grace period, first sleeps through a grace
 * period; a move soon after another does not. So while launches come, one daemon thread moves
 * shiprun into the cgroup it is already in (a move that changes nothing) every few milliseconds,
 * and ends once no launch came for a while. The price while it runs is the kernel's: forks and
 * exits on the machine take the lock's slower read path, as with cgroup v2's {@code favordynmods}.
 */
final class CgroupMoveWarmer {

  /** Well inside the shortest grace period that makes a move wait. */
  private static final Duration PERIOD = Duration.ofMillis(4);

  /** How long it goes on after the last launch: the gap between two jobs of a chain is less. */
  private static final Duration LINGER = Duration.ofSeconds(1);

  private final Path procs;
  private final byte[] self;
  private final long periodNanos;
  private final long lingerNanos;

  private long lastLaunch;
  private boolean keeping;

  /** Set when a move failed: the cgroup no longer takes this process, so it stops for good. */
  private boolean refused;

  /** Warms moves by moving this process into the cgroup whose member list is {@code procs}. */
  CgroupMoveWarmer(Path procs) {
    this(procs, ProcessHandle.current().pid(), PERIOD, LINGER);
  }

  CgroupMoveWarmer(Path procs, long pid, Duration period, Duration linger) {
    this.procs = procs;
    this.self = Long.toString(pid).getBytes(StandardCharsets.US_ASCII);
    this.periodNanos = period.toNanos();
    this.lingerNanos = linger.toNanos();
  }

  /** A script is about to move into its cgroup: keep moves warm from now until a while after. */
  synchronized void launching() {
    lastLaunch = System.nanoTime();
    if (keeping || refused) {
      return;
    }
    keeping = true;
    Thread thread = new Thread(this::keep, "shiprun-cgroup-warmer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether its thread is running. */
  synchronized boolean keeping() {
    return keeping;
  }

  private void keep() {
    try (FileChannel members = FileChannel.open(procs, StandardOpenOption.WRITE)) {
      while (stillWanted()) {
        members.write(ByteBuffer.wrap(self));
        LockSupport.parkNanos(periodNanos);
      }
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        refused = true;
        keeping = false;
      }
    }
  }

  /** False, and the thread marked as ended, once no launch came within the linger time. */
  private synchronized boolean stillWanted() {
    if (System.nanoTime() - lastLaunch > lingerNanos) {
      keeping = false;
      return false;
    }
    return true;
  }
}
