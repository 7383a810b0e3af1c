package dev.shiprun.runner.exec;

import dev.shiprun.masker.OutputLines;
import dev.shiprun.masker.OutputLines.Intake;
import dev.shiprun.masker.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps every line per channel, made by the engine's line rules ({@link OutputLines}, with nothing
 * to mask), and lets a test wait for one line to arrive. It lends each channel's buffer to the pump
 * as the engine's log does, unless made by {@link #copying}.
 */
final class RecordingSink implements OutputSink {

  private final boolean lends;

  private final Map<Channel, List<String>> lines = new HashMap<>();
  private final Map<Channel, OutputLines> channels = new EnumMap<>(Channel.class);
  private final Map<String, CompletableFuture<Void>> awaited = new HashMap<>();

  RecordingSink() {
    this(true);
  }

  private RecordingSink(boolean lends) {
    this.lends = lends;
  }

  /** A sink that lends no buffer: the pump reads into its own and hands copies over. */
  static RecordingSink copying() {
    return new RecordingSink(false);
  }

  @Override
  public synchronized Optional<Intake> intake(Channel channel) {
    return lends ? Optional.of(lines(channel).intake()) : Optional.empty();
  }

  @Override
  public synchronized void filled(Channel channel, Intake intake, int count) {
    try {
      lines(channel).filled(intake, count);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void write(Channel channel, byte[] bytes, int off, int len) {
    try {
      lines(channel).write(bytes, off, len);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void end(Channel channel) {
    try {
      lines(channel).finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized List<String> stdout() {
    return List.copyOf(lines.getOrDefault(Channel.STDOUT, List.of()));
  }

  synchronized List<String> stderr() {
    return List.copyOf(lines.getOrDefault(Channel.STDERR, List.of()));
  }

  /** Completes when {@code text} has arrived on either channel (at once if it already has). */
  synchronized CompletableFuture<Void> arrival(String text) {
    return awaited.computeIfAbsent(text, t -> new CompletableFuture<>());
  }

  private OutputLines lines(Channel channel) {
    return channels.computeIfAbsent(
        channel,
        c ->
            new OutputLines(
                new SecretMasker(List.of()).byteStream(),
                new Lines(c),
                MAX_LINE_BYTES,
                new byte[0],
                (text, off, len) -> {}));
  }

  private void line(Channel channel, String text) {
    lines.computeIfAbsent(channel, c -> new ArrayList<>()).add(text);
    awaited.computeIfAbsent(text, t -> new CompletableFuture<>()).complete(null);
  }

  /** Whole lines of one channel, each handed on without its line end. */
  private final class Lines extends OutputStream {
    private final Channel channel;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    Lines(Channel channel) {
      this.channel = channel;
    }

    @Override
    public void write(int b) {
      if (b == '\n') {
        line(channel, line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }
  }
}
