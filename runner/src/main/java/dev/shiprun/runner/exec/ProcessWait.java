package dev.shiprun.runner.exec;

import dev.shiprun.spi.CancelSignal;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a process on the calling thread, in slices, looking for a cancellation between them.
 * Not {@code Process.onExit()}: on a machine with two cores the JDK completes it on a new thread
 * per process (CompletableFuture's async pool is a thread per task when the common pool's
 * parallelism is 1), one thread start and two more hand-offs per script (docs/benchmarks.md). An
 * exit wakes {@code waitFor} at once; a cancellation is seen within one slice.
 */
public final class ProcessWait {

  private static final long CANCEL_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private ProcessWait() {}

  /** How a wait ended. */
  public enum Ending {
    EXITED,
    TIMED_OUT,
    CANCELLED,
    /** The calling thread was interrupted (its flag is cleared): a cancellation. */
    INTERRUPTED
  }

  /** Waits until {@code process} exits, {@code deadline} ({@link System#nanoTime}) or a cancel. */
  public static Ending until(Process process, CancelSignal cancellation, long deadline) {
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
}
