package dev.shiprun.runner;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Waits for a condition by looking again every {@value #EVERY_MS} ms until it holds or the time is
 * up: tests wait for what they need, never for a fixed time.
 */
public final class Poll {

  private static final long EVERY_MS = 50;

  private Poll() {}

  /** A condition to look at; it may throw (an HTTP call, a file read). */
  public interface Check {
    boolean holds() throws Exception;
  }

  /** A value to look at; it may throw (an HTTP call, a file read). */
  public interface Probe<T> {
    T get() throws Exception;
  }

  /** Until {@code check} holds; after {@code timeout} the test fails with {@code what}. */
  public static void until(Duration timeout, String what, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() >= deadline) {
        throw new AssertionError("timed out waiting: " + what);
      }
      Thread.sleep(EVERY_MS);
    }
  }

  /**
   * The first value of {@code probe} that {@code done} accepts; after {@code timeout} the test
   * fails with {@code failure} of the last value seen.
   */
  public static <T> T until(
      Duration timeout, Probe<T> probe, Predicate<T> done, Function<T, String> failure)
      throws Exception {
    T value = value(timeout, probe, done);
    if (!done.test(value)) {
      throw new AssertionError(failure.apply(value));
    }
    return value;
  }

  /**
   * The first value of {@code probe} that {@code done} accepts, or the last one seen when {@code
   * timeout} has passed (for a caller that reports what is left, not a failure).
   */
  public static <T> T value(Duration timeout, Probe<T> probe, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    T value = probe.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(EVERY_MS);
      value = probe.get();
    }
    return value;
  }
}
