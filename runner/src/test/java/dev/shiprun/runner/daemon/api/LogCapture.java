package dev.shiprun.runner.daemon.api;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Everything the application logs while open, down to DEBUG (the level a user could turn on for a
 * daemon), each record with its parameters and exception text. Quarkus logs through JBoss
 * LogManager, which is {@code java.util.logging}'s manager in tests, so a handler on the root
 * logger sees every category. Records of the test's own HTTP client (Apache HttpClient under
 * rest-assured, which logs request bodies at DEBUG) are not the daemon's and are left out.
 */
final class LogCapture implements AutoCloseable {

  private static final List<String> CLIENT = List.of("org.apache.http", "io.restassured");

  private final Logger root = Logger.getLogger("");
  private final Level before;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Map<Handler, Level> others = new IdentityHashMap<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          String category = record.getLoggerName() == null ? "" : record.getLoggerName();
          if (CLIENT.stream().anyMatch(category::startsWith)) {
            return;
          }
          StringBuilder line = new StringBuilder(category).append(' ');
          line.append(
              record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
          if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
              line.append(" | ").append(p);
            }
          }
          if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
          }
          lines.add(line.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  LogCapture() {
    before = root.getLevel();
    // The other handlers (the console on stderr) keep showing what they showed: only this capture
    // sees DEBUG.
    Level shown = before == null ? Level.INFO : before;
    for (Handler other : root.getHandlers()) {
      Level level = other.getLevel();
      others.put(other, level);
      if (level.intValue() < shown.intValue()) {
        other.setLevel(shown);
      }
    }
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    root.setLevel(Level.FINE);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    root.setLevel(before);
    root.removeHandler(handler);
    others.forEach(Handler::setLevel);
  }
}
