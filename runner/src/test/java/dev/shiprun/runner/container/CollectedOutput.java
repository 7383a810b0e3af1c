package dev.shiprun.runner.container;

import dev.shiprun.spi.ScriptOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A script's output kept per stream, and a way to wait for a text to arrive on stdout. */
final class CollectedOutput implements ScriptOutput {

  private final Map<Stream, ByteArrayOutputStream> bytes = new EnumMap<>(Stream.class);
  private String awaited = "";
  private final CompletableFuture<Void> arrived = new CompletableFuture<>();

  @Override
  public synchronized void write(Stream stream, byte[] data, int offset, int length) {
    bytes.computeIfAbsent(stream, s -> new ByteArrayOutputStream()).write(data, offset, length);
    if (!awaited.isEmpty() && text(Stream.STDOUT).contains(awaited)) {
      arrived.complete(null);
    }
  }

  @Override
  public void end(Stream stream) {}

  /** Everything written to {@code stream} so far. */
  synchronized String text(Stream stream) {
    ByteArrayOutputStream out = bytes.get(stream);
    return out == null ? "" : out.toString(StandardCharsets.UTF_8);
  }

  /** Completes when stdout holds {@code text} (one text per instance). */
  synchronized CompletableFuture<Void> awaiting(String text) {
    awaited = text;
    if (text(Stream.STDOUT).contains(text)) {
      arrived.complete(null);
    }
    return arrived;
  }
}
