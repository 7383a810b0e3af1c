package dev.shiprun.runner.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a run is going, SIGINT (Ctrl-C) and SIGTERM call one action instead of ending the JVM; the
 * handlers that were there before come back on {@link #close()}. The action must return quickly: it
 * only asks for cancellation, the run then ends on its own.
 */
final class Interrupts implements AutoCloseable {

  private static final List<String> SIGNALS = List.of("INT", "TERM");

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();

  private Interrupts() {}

  static Interrupts onSignal(Runnable action) {
    Interrupts interrupts = new Interrupts();
    for (String name : SIGNALS) {
      Signal signal = new Signal(name);
      interrupts.signals.add(signal);
      interrupts.previous.add(Signal.handle(signal, s -> action.run()));
    }
    return interrupts;
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
