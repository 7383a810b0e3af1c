package dev.shiprun.runner.exec;

import dev.shiprun.runner.exec.OutputSink.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads a process's stdout and stderr on two threads and hands their lines to one sink, one call at
 * a time. A sink that throws gets nothing more (the streams are still drained, so the process does
 * not block on a full pipe) and the failure is kept for the result.
 */
final class OutputPump {

  private final OutputSink sink;
  private final List<Thread> readers;
  private boolean closed;
  private RuntimeException failure;

  private OutputPump(Process process, OutputSink sink) {
    this.sink = sink;
    String name = "shiprun-output-" + process.pid();
    this.readers =
        List.of(
            reader(process.getInputStream(), Channel.STDOUT, name + "-stdout"),
            reader(process.getErrorStream(), Channel.STDERR, name + "-stderr"));
  }

  static OutputPump start(Process process, OutputSink sink) {
    OutputPump pump = new OutputPump(process, sink);
    pump.readers.forEach(Thread::start);
    return pump;
  }

  /**
   * Waits until both streams have ended (every process holding them is gone), at most {@code
   * patience}; lines arriving after that are dropped. Returns whether both ended.
   */
  boolean finish(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    boolean interrupted = false;
    for (Thread reader : readers) {
      while (reader.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          reader.join(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    synchronized (this) {
      closed = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return readers.stream().noneMatch(Thread::isAlive);
  }

  synchronized Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  private Thread reader(InputStream stream, Channel channel, String name) {
    LineSplitter splitter =
        new LineSplitter(line -> deliver(channel, line), LineSplitter.MAX_LINE_BYTES);
    Thread thread = new Thread(() -> drain(stream, splitter), name);
    thread.setDaemon(true);
    return thread;
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

  private synchronized void deliver(Channel channel, String line) {
    if (closed || failure != null) {
      return;
    }
    try {
      sink.line(channel, line);
    } catch (RuntimeException e) {
      failure = e;
    }
  }
}
