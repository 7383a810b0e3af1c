package dev.shiprun.runner.ci;

import dev.shiprun.spi.CancelSignal;
import dev.shiprun.spi.ScriptOutput;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Stops a script that writes nothing for too long: the output it watches records each write, and as
 * a cancel signal it is set once the silence passed its limit (or the run was cancelled). The
 * executors look at the signal while the script runs, so no thread of its own is needed.
 */
final class SilenceWatch implements CancelSignal {

  /** Shippable's limit: no output for ten minutes ends a build as timed out. */
  static final Duration LIMIT = Duration.ofMinutes(10);

  /** The node setting that changes {@link #LIMIT}, in seconds. */
  static final String SETTING = "ci.silenceTimeout";

  private final CancelSignal cancel;
  private final long limitNanos;
  private final LongSupplier nanoTime;
  private volatile long lastWrite;
  private volatile boolean silent;

  SilenceWatch(CancelSignal cancel, Duration limit, LongSupplier nanoTime) {
    this.cancel = cancel;
    this.limitNanos = limit.toNanos();
    this.nanoTime = nanoTime;
    this.lastWrite = nanoTime.getAsLong();
  }

  /** {@code output}, each write of it noted as a sign of life. */
  ScriptOutput watching(ScriptOutput output) {
    return new ScriptOutput() {
      @Override
      public void write(Stream stream, byte[] bytes, int offset, int length) {
        lastWrite = nanoTime.getAsLong();
        output.write(stream, bytes, offset, length);
      }

      @Override
      public void end(Stream stream) {
        output.end(stream);
      }
    };
  }

  @Override
  public boolean isCancelled() {
    if (cancel.isCancelled()) {
      return true;
    }
    if (!silent && nanoTime.getAsLong() - lastWrite > limitNanos) {
      silent = true;
    }
    return silent;
  }

  /** Whether the script was stopped for its silence (not for a cancel of the run). */
  boolean wasSilent() {
    return silent && !cancel.isCancelled();
  }

  /** The limit of {@code setting} (whole seconds, at least 1), else {@link #LIMIT}. */
  static Duration limit(Optional<String> setting) {
    if (setting.isEmpty()) {
      return LIMIT;
    }
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(setting.get().strip())));
    } catch (NumberFormatException e) {
      return LIMIT;
    }
  }
}
