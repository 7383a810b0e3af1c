package dev.shiprun.runner.engine;

/**
 * Where a job's output goes live besides its stored log (the console with {@code --verbose}, later
 * the daemon's event stream). Lines arrive masked.
 */
@FunctionalInterface
public interface LiveOutput {
  void line(String job, String text);
}
