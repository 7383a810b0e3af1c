package dev.shiprun.runner.engine.event;

import java.util.List;

/**
 * Hears the {@link RunEvent}s of the runs of a line run, from the jobs' threads: events of one run
 * arrive in order, runs that go side by side interleave.
 */
@FunctionalInterface
public interface RunListener {

  void on(RunEvent event);

  /**
   * Whether {@link RunEvent.LogLine}s are wanted: a job's output is masked as bytes, and made into
   * a String per line only for a listener that shows lines (the console without --verbose does
   * not).
   */
  default boolean showsLines() {
    return true;
  }

  /**
   * One listener that tells each event to {@code listeners}, in the order given; a {@link
   * RunEvent.LogLine} only to those that show lines.
   */
  static RunListener all(RunListener... listeners) {
    return new AllListeners(List.of(listeners));
  }
}
