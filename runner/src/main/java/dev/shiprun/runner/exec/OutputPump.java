package dev.shiprun.runner.exec;

import dev.shiprun.runner.exec.OutputSink.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Reads a process's stdout and stderr on two threads and hands their lines to one sink, one call at
 * a time. A sink that throws gets nothing more (the streams are still drained, so the process does
 * not block on a full pipe) and the failure is kept for the result.
 *
 * <p>The threads come from the launcher's pool: starting two new threads per script cost ≈ 2 ms of
 * a short job on two busy cores (docs/benchmarks.md).
 */
final class OutputPump {

  private final OutputSink sink;
  private final CountDownLatch ended = new CountDownLatch(2);
  private boolean closed;
  private RuntimeException failure;

  private OutputPump(OutputSink sink) {
    this.sink = sink;
  }

  static OutputPump start(Process process, OutputSink sink, Executor readers) {
    OutputPump pump = new OutputPump(sink);
    pump.read(process.getInputStream(), Channel.STDOUT, readers);
    pump.read(process.getErrorStream(), Channel.STDERR, readers);
    return pump;
  }

  /**
   * Waits until both streams have ended (every process holding them is gone), at most {@code
   * patience}; lines arriving after that are dropped. Returns whether both ended.
   */
  boolean finish(Duration patience) {
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
      closed = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return done || ended.getCount() == 0;
  }

  synchronized Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  private void read(InputStream stream, Channel channel, Executor readers) {
    OutputSink.Raw raw = sink.raw(channel);
    Runnable reader;
    if (raw != null) {
      reader = () -> drain(stream, raw);
    } else {
      LineSplitter splitter =
          new LineSplitter(
              (text, lineEnds) -> deliver(channel, text, lineEnds), LineSplitter.MAX_LINE_BYTES);
      reader = () -> drain(stream, splitter);
    }
    try {
      readers.execute(
          () -> {
            try {
              reader.run();
            } finally {
              ended.countDown();
            }
          });
    } catch (RejectedExecutionException e) {
      ended.countDown();
      synchronized (this) {
        failure = new IllegalStateException("no thread is left to read the output", e);
      }
    }
  }

  /** A sink that takes bytes: read into its buffer without a lock, handed on one at a time. */
  private void drain(InputStream stream, OutputSink.Raw raw) {
    try (stream) {
      while (raw.fill(stream) != -1) {
        deliver(raw, false);
      }
    } catch (IOException e) {
      // the stream was closed under us: what was read is delivered below, the rest is gone
    } finally {
      deliver(raw, true);
    }
  }

  private synchronized void deliver(OutputSink.Raw raw, boolean end) {
    if (closed || failure != null) {
      raw.discard();
      return;
    }
    try {
      if (end) {
        raw.end();
      } else {
        raw.deliver();
      }
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  private static void drain(InputStream stream, LineSplitter splitter) {
    byte[] chunk = new byte[8192];
    try (stream) {
      int count;
      while ((count = stream.read(chunk)) != -1) {
        splitter.accept(chunk, 0, count);
      }
    } catch (IOException e) {
      // the stream was closed under us: what was read is delivered below, the rest is gone
    } finally {
      splitter.finish();
    }
  }

  private synchronized void deliver(Channel channel, String text, boolean lineEnds) {
    if (closed || failure != null) {
      return;
    }
    try {
      if (lineEnds) {
        sink.line(channel, text);
      } else {
        sink.piece(channel, text);
      }
    } catch (RuntimeException e) {
      failure = e;
    }
  }
}
