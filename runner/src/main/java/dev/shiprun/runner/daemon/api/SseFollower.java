package dev.shiprun.runner.daemon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.daemon.work.LiveLogs;
import dev.shiprun.runner.daemon.work.LogLines;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One client following a run's log over SSE. While the stored lines are replayed, live lines wait
 * here; then they go out as they come. Never blocks the engine: a send only queues the event.
 */
final class SseFollower implements LiveLogs.Follower {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SseEventSink sink;
  private final Sse sse;
  private final int maxLine;
  private final Supplier<Optional<RunView>> run;
  private final List<String> waiting = new ArrayList<>();
  private boolean replaying = true;
  private boolean ended;
  private boolean closed;
  private long number;

  SseFollower(SseEventSink sink, Sse sse, int maxLine, Supplier<Optional<RunView>> run) {
    this.sink = sink;
    this.sse = sse;
    this.maxLine = maxLine;
    this.run = run;
  }

  /** A stored line, read before any live one. */
  synchronized void replay(String line) {
    send(line);
  }

  /** The stored lines are out: the live ones that waited follow; {@code done}: nothing follows. */
  synchronized void replayed(boolean done) {
    replaying = false;
    waiting.forEach(this::send);
    waiting.clear();
    if (done || ended) {
      finish();
    }
  }

  @Override
  public synchronized void line(String text) {
    if (replaying) {
      waiting.add(LogLines.cut(text, maxLine));
    } else {
      send(LogLines.cut(text, maxLine));
    }
  }

  @Override
  public synchronized void end() {
    ended = true;
    if (!replaying) {
      finish();
    }
  }

  synchronized boolean closed() {
    return closed || sink.isClosed();
  }

  private void send(String line) {
    if (closed || sink.isClosed()) {
      closed = true;
      return;
    }
    number++;
    sink.send(
        sse.newEventBuilder()
            .name("line")
            .id(Long.toString(number))
            .data(String.class, line)
            .build());
  }

  private void finish() {
    if (closed) {
      return;
    }
    closed = true;
    if (!sink.isClosed()) {
      OutboundSseEvent.Builder end = sse.newEventBuilder().name("end");
      String json;
      try {
        json = JSON.writeValueAsString(run.get().orElse(null));
      } catch (JsonProcessingException e) {
        json = "null";
      }
      // Plain data (JSON text): a media type would add a non-standard field to the event.
      end.data(String.class, json);
      sink.send(end.build()).whenComplete((ok, error) -> sink.close());
    }
  }
}
