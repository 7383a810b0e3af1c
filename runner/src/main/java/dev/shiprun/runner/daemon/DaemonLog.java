package dev.shiprun.runner.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * The daemon's own log: one line per run event (queued, began, finished, cancel asked) on stderr,
 * as text or, on request, as one JSON object per line for a log shipper. Never a variable's value
 * or a line of a job's output (those stay in the run's masked log).
 */
public final class DaemonLog {

  public enum Format {
    TEXT,
    JSON
  }

  private final PrintStream out;
  private final Format format;
  private final ObjectMapper json = new ObjectMapper();

  public DaemonLog(PrintStream out, Format format) {
    this.out = out;
    this.format = format;
  }

  /**
   * One event: {@code fields} in order (run, line, job, build, status …); {@code text} is the line
   * for people.
   */
  public void event(String event, Map<String, Object> fields, String text) {
    String line;
    if (format == Format.JSON) {
      ObjectNode node = json.createObjectNode();
      node.put("time", Instant.now().toString());
      node.put("event", event);
      fields.forEach((k, v) -> node.putPOJO(k, v));
      node.put("message", text);
      try {
        line = json.writeValueAsString(node);
      } catch (JsonProcessingException e) {
        line = "{\"event\":\"" + event + "\"}";
      }
    } else {
      line = Instant.now() + " " + text;
    }
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
