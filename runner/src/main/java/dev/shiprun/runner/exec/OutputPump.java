package dev.shiprun.runner.exec;

import dev.shiprun.masker.OutputLines.Intake;
import dev.shiprun.runner.exec.OutputSink.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Reads a process's stdout and stderr on two threads and hands their bytes to one sink, one call at
 * a time: each read without a lock, each hand-over under the pump's. A sink that throws gets
 * nothing more (the streams are still drained, so the process does not block on a full pipe) and
 * the failure is kept for the result.
 *
 * <p>A sink that lends its own buffer ({@link OutputSink#intake}) gets the bytes read straight into
 * it, so that the read is their only copy; others get them from the pump's buffer.
 *
 * <p>The threads come from the launcher's pool: starting two new threads per script weighs on a
 * short job on busy cores (docs/benchmarks.md).
 */
public final class OutputPump {

  /** The read size: a whole pipe's worth at a time, so few hand-overs (and log flushes). */
  static final int READ_BYTES = 64 << 10;

  private final OutputSink sink;
  private final CountDownLatch ended = new CountDownLatch(2);
  private final Set<Channel> open = EnumSet.noneOf(Channel.class);
  private boolean closed;
  private RuntimeException failure;

  private OutputPump(OutputSink sink) {
    this.sink = sink;
  }

  /** Starts reading {@code process}'s stdout and stderr on threads of {@code readers}. */
  public static OutputPump start(Process process, OutputSink sink, Executor readers) {
    OutputPump pump = new OutputPump(sink);
    pump.read(process.getInputStream(), Channel.STDOUT, readers);
    pump.read(process.getErrorStream(), Channel.STDERR, readers);
    return pump;
  }

  /**
   * Waits until both streams have ended (every process holding them is gone), at most {@code
   * patience}; bytes arriving after that are dropped, and a channel still open is ended then (what
   * came of it is handed on). Returns whether both ended.
   */
  public boolean finish(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    boolean interrupted = false;
    boolean done = false;
    while (!done) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        done = ended.await(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    synchronized (this) {
      for (Channel channel : Set.copyOf(open)) {
        end(channel);
      }
      closed = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return done || ended.getCount() == 0;
  }

  /** What the sink threw, which ended the delivery of the output. */
  public synchronized Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  private void read(InputStream stream, Channel channel, Executor readers) {
    synchronized (this) {
      open.add(channel);
    }
    try {
      readers.execute(
          () -> {
            try {
              drain(stream, channel);
            } finally {
              ended.countDown();
            }
          });
    } catch (RejectedExecutionException e) {
      ended.countDown();
      synchronized (this) {
        open.remove(channel);
        failure = new IllegalStateException("no thread is left to read the output", e);
      }
    }
  }

  private void drain(InputStream stream, Channel channel) {
    byte[] own = null; // for a sink that lends no buffer, and once the pump is closed
    try (stream) {
      int count;
      do {
        Intake intake = intake(channel);
        if (intake == null && own == null) {
          own = new byte[READ_BYTES];
        }
        count =
            intake != null
                ? stream.read(intake.bytes(), intake.off(), Math.min(intake.len(), READ_BYTES))
                : stream.read(own);
        deliver(channel, intake, own, Math.max(count, 0)); // at the end: the intake handed back
      } while (count != -1);
    } catch (IOException e) {
      // the stream was closed under us: what was read is delivered, the rest is gone
    } finally {
      synchronized (this) {
        end(channel);
      }
    }
  }

  /** The part of the sink's buffer to read into next, or null to read into the pump's own. */
  private synchronized Intake intake(Channel channel) {
    if (closed || failure != null) {
      return null;
    }
    try {
      return sink.intake(channel).orElse(null);
    } catch (RuntimeException e) {
      failure = e;
      return null;
    }
  }

  /** Hands over bytes read into {@code intake}, or into {@code own} if there was none. */
  private synchronized void deliver(Channel channel, Intake intake, byte[] own, int count) {
    if (closed || failure != null || (count == 0 && intake == null)) {
      return;
    }
    try {
      if (intake != null) {
        sink.filled(channel, intake, count);
      } else {
        sink.write(channel, own, 0, count);
      }
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  /** Ends a channel once, unless the pump is closed or the sink failed. Under the lock. */
  private void end(Channel channel) {
    if (!open.remove(channel) || closed || failure != null) {
      return;
    }
    try {
      sink.end(channel);
    } catch (RuntimeException e) {
      failure = e;
    }
  }
}
