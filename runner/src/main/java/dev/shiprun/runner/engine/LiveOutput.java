package dev.shiprun.runner.engine;

/**
 * Where a job's output goes live besides its stored log (the console with {@code --verbose}, the
 * daemon's event stream). Lines arrive masked, between {@link #began} and {@link #ended} of their
 * run.
 */
@FunctionalInterface
public interface LiveOutput {
  void line(String job, String text);

  /**
   * Whether {@link #line} is to be called: a job's output is masked as bytes, and made into a
   * String per line only for a listener that shows lines (the console without --verbose does not).
   */
  default boolean showsLines() {
    return true;
  }

  /** A run of {@code job} began: its log is open and its lines follow. */
  default void began(String job, long runId) {}

  /** How many secrets the masker hid in the run's output (told once, as its log closes). */
  default void masked(String job, long matches) {}

  /**
   * The run ended: its final status is stored, and its log (with what the end notifications wrote)
   * is complete.
   */
  default void ended(String job, long runId) {}
}
