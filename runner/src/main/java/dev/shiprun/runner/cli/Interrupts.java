package dev.shiprun.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a run is going, SIGINT (Ctrl-C) and SIGTERM call one action instead of ending the JVM; the
 * handlers that were there before come back on {@link #close()}. The action must return quickly: it
 * only asks for cancellation, the run then ends on its own.
 *
 * <p>A signal ignored when the JVM started stays ignored: the JVM installs no handler for it. A
 * background job of a non-interactive shell starts with SIGINT ignored, so Ctrl-C would silently
 * not stop shiprun; {@link #ignoredWarning} says so in one line instead.
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

  /** The line to print when this process started with SIGINT or SIGTERM ignored; else empty. */
  static Optional<String> ignoredWarning() {
    try {
      return ignoredWarning(
          Files.readString(Path.of("/proc/self/status")), ProcessHandle.current().pid());
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not Linux: nothing to tell
    }
  }

  /**
   * The warning for a process whose /proc status is {@code status}: its {@code SigIgn} mask has a
   * bit per signal, bit N-1 for signal N (SIGINT 2, SIGTERM 15).
   */
  static Optional<String> ignoredWarning(String status, long pid) {
    long ignored =
        status
            .lines()
            .filter(line -> line.startsWith("SigIgn:"))
            .map(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16))
            .findFirst()
            .orElse(0L);
    boolean intIgnored = (ignored & (1L << 1)) != 0;
    boolean termIgnored = (ignored & (1L << 14)) != 0;
    if (intIgnored && termIgnored) {
      return Optional.of(
          "shiprun: SIGINT and SIGTERM are ignored in this process (its parent started it so):"
              + " neither Ctrl-C nor kill -TERM can stop it; start it with default signals, e.g."
              + " env --default-signal=INT,TERM shiprun ...");
    }
    if (intIgnored) {
      return Optional.of(
          "shiprun: SIGINT is ignored in this process (started in the background of a"
              + " non-interactive shell?): Ctrl-C cannot stop it; use kill -TERM "
              + pid);
    }
    if (termIgnored) {
      return Optional.of(
          "shiprun: SIGTERM is ignored in this process (its parent started it so): kill -TERM"
              + " cannot stop it; use Ctrl-C or kill -INT "
              + pid);
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
