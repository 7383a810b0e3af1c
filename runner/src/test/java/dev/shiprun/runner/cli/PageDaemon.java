package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.runner.web.Browser;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * What a browser test of the web page stands on: {@code shiprun daemon} of the packaged jar with
 * one line, and a browser. Closing it keeps a screenshot of the last page ({@code last.png} in the
 * test's folder) and stops both.
 */
final class PageDaemon implements AutoCloseable {

  private final Path temp;
  private final DaemonProcess daemon;
  private final int port;
  private Browser browser;

  private PageDaemon(Path temp, DaemonProcess daemon, int port) {
    this.temp = temp;
    this.daemon = daemon;
    this.port = port;
  }

  /** A daemon with {@code token}, home and logs in {@code temp}, holding line {@code line}. */
  static PageDaemon start(Path temp, String token, String line, String yaml) throws Exception {
    int port = DaemonProcess.freePort();
    PageDaemon page =
        new PageDaemon(
            temp, DaemonProcess.start(temp.resolve("home"), port, token, temp, "daemon"), port);
    page.daemon.awaitReady();
    HttpResponse<String> put =
        page.daemon.send("PUT", "/api/lines/" + line, "application/yaml", yaml);
    assertEquals(201, put.statusCode(), put.body());
    page.browser = Browser.start(1280, 900);
    return page;
  }

  DaemonProcess daemon() {
    return daemon;
  }

  Browser browser() {
    return browser;
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws Exception {
    try {
      if (browser != null) {
        browser.screenshot(temp.resolve("last.png"));
        browser.close();
      }
    } finally {
      if (daemon.process().isAlive()) {
        daemon.terminate();
      }
    }
  }
}
