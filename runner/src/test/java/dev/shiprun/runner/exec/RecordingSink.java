package dev.shiprun.runner.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Keeps every line per channel, and lets a test wait for one line to arrive. */
final class RecordingSink implements OutputSink {

  private final Map<Channel, List<String>> lines = new HashMap<>();
  private final Map<String, CompletableFuture<Void>> awaited = new HashMap<>();

  @Override
  public synchronized void line(Channel channel, String text) {
    lines.computeIfAbsent(channel, c -> new ArrayList<>()).add(text);
    awaited.computeIfAbsent(text, t -> new CompletableFuture<>()).complete(null);
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
}
