package dev.shiprun.runner.container;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine's own processes of one container ({@code conmon}, the cleanup it starts), which
 * outlive the run command by a moment: found by the container's ID on their command lines, and
 * waited for, so that a script's end leaves none of them.
 */
final class EngineLeftovers {

  private static final long POLL_MILLIS = 20;

  private EngineLeftovers() {}

  /** The live processes whose command line holds {@code containerId}. */
  static List<ProcessHandle> of(String containerId) {
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self)
        .filter(
            p ->
                p.info().arguments().map(a -> String.join(" ", a)).orElse("").contains(containerId))
        .toList();
  }

  /** Waits up to {@code patience} for them to end; returns one note per process still there. */
  static List<String> awaitGone(String containerId, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    List<ProcessHandle> left = of(containerId);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      try {
        TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      left = of(containerId);
    }
    return left.stream()
        .map(
            p ->
                "still running after container "
                    + containerId.substring(0, Math.min(12, containerId.length()))
                    + " ended: pid "
                    + p.pid()
                    + " ("
                    + p.info().command().orElse("?")
                    + ")")
        .toList();
  }
}
