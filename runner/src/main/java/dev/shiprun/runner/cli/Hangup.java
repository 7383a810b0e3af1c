package dev.shiprun.runner.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While the daemon serves HTTPS, SIGHUP calls one action (reload the certificate) instead of ending
 * the JVM; the handler that was there before comes back on {@link #close()}.
 */
final class Hangup implements AutoCloseable {

  private static final Signal HUP = new Signal("HUP");

  private final SignalHandler previous;

  private Hangup(SignalHandler previous) {
    this.previous = previous;
  }

  static Hangup onSignal(Runnable action) {
    return new Hangup(Signal.handle(HUP, s -> action.run()));
  }

  @Override
  public void close() {
    Signal.handle(HUP, previous);
  }
}
