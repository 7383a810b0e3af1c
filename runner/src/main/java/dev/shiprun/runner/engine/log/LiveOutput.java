package dev.shiprun.runner.engine.log;

/**
 * Where a job's log tells what it stored: its lines, masked, and at its close how many secrets it
 * masked. The job runner makes run events of them.
 */
@FunctionalInterface
public interface LiveOutput {
  void line(String job, String text);

  /**
   * Whether {@link #line} is to be called: a job's output is masked as bytes, and made into a
   * String per line only for a listener that shows lines.
   */
  default boolean showsLines() {
    return true;
  }

  /** How many secrets the masker hid in the run's output (told once, as its log closes). */
  default void masked(String job, long matches) {}
}
