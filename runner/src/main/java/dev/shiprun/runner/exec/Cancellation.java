package dev.shiprun.runner.exec;

import dev.shiprun.spi.CancelSignal;

/**
 * A request to stop, made from any thread (the CLI's Ctrl-C handler calls {@link #cancel()} for
 * every running job). One per job is enough: a launch that sees it stops its script and kills what
 * the script started; a launch that starts after it does not start at all.
 */
public final class Cancellation implements CancelSignal {

  private volatile boolean cancelled;

  /** Asks every launch watching this to stop; returns at once; calling it again does nothing. */
  public void cancel() {
    cancelled = true;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }
}
