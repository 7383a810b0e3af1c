package dev.shiprun.runner.engine.job;

import java.util.List;

/**
 * What the runner adds to the log after a step fails, read from the end of that step's output (as
 * stored: masked). Lines without the {@code [shiprun]} prefix, which the log adds.
 */
@FunctionalInterface
interface FailureHint {

  /** Nothing to add. */
  FailureHint NONE = output -> List.of();

  List<String> lines(String output);
}
