package dev.shiprun.runner.daemon.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reloads the API's certificate when its files change: every {@code poll} it looks at the files'
 * time, size and identity (through links, so a Kubernetes secret's swap counts), and reloads once
 * they changed and then stayed the same for one more look, so a certificate written a moment before
 * its key is not served with the old key. {@link #reload} asks for a reload at once (SIGHUP). Every
 * reload runs on the watch's own thread: a signal handler only asks, and the TLS registry reads the
 * files with the class loader of the thread that started the watch.
 */
public final class CertificateWatch implements AutoCloseable {

  private final List<Path> files;
  private final BooleanSupplier reloader;
  private final Consumer<String> log;
  private boolean closed;
  private List<Object> served;
  private String asked;

  /**
   * @param reloader reads the files again and serves them; false when they cannot be used
   * @param log one line per reload, for the daemon's log
   */
  public CertificateWatch(
      Path cert, Path key, Duration poll, BooleanSupplier reloader, Consumer<String> log) {
    this.files = List.of(cert, key);
    this.reloader = reloader;
    this.log = log;
    this.served = stamp();
    Thread thread = new Thread(() -> watch(poll), "shiprun-certificate-watch");
    thread.setDaemon(true);
    thread.start();
  }

  /** Asks for a reload now, saying why (a signal handler may call it: it only asks). */
  public synchronized void reload(String why) {
    asked = why;
    notifyAll();
  }

  private synchronized void watch(Duration poll) {
    List<Object> last = served;
    while (!closed) {
      if (asked == null) {
        try {
          wait(poll.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
      if (closed) {
        return;
      }
      List<Object> now = stamp();
      if (asked != null) {
        String why = asked;
        asked = null;
        reloadNow(why, now);
      } else if (!now.equals(served) && now.equals(last)) {
        reloadNow("the files changed", now);
      }
      last = now;
    }
  }

  /** Reloads, saying why; the files as they were just seen count as served. */
  private void reloadNow(String why, List<Object> now) {
    served = now;
    if (reloader.getAsBoolean()) {
      log.accept("tls: " + why + ": reloaded the certificate " + files.get(0));
    } else {
      log.accept(
          "tls: "
              + why
              + ": the certificate "
              + files.get(0)
              + " or its key "
              + files.get(1)
              + " cannot be used; still serving the previous one (fix them: they are read again"
              + " when they change)");
    }
  }

  /** What the files look like now: time, size and identity of each; "gone" for one missing. */
  private List<Object> stamp() {
    return files.stream().map(CertificateWatch::stamp).toList();
  }

  private static Object stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(a.lastModifiedTime(), a.size(), Objects.toString(a.fileKey()));
    } catch (IOException gone) {
      return "gone";
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    notifyAll();
  }
}
