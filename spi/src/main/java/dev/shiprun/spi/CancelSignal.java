package dev.shiprun.spi;

/**
 * Whether the run was asked to stop (Ctrl-C, TERM, a daemon's cancel). An executor looks at it
 * while a script runs: once it is set, the script and everything it started are stopped, and a
 * script that has not started does not start.
 */
@FunctionalInterface
public interface CancelSignal {

  boolean isCancelled();
}
