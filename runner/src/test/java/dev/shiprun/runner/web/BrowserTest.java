package dev.shiprun.runner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The browser the page's tests use: it starts here, runs a page's script, and reports errors. */
class BrowserTest {

  @Test
  void runsAPageAndReportsItsConsoleErrors(@TempDir Path dir) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              exchange.getRequestURI().getPath().endsWith(".js")
                  ? "document.getElementById('out').textContent = 'ran';"
                      + " console.error('made-up failure');"
                  : "<!doctype html><html lang=en><title>t</title><p id=out>waiting</p>"
                      + "<script src=page.js></script>";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add(
                  "Content-Type",
                  exchange.getRequestURI().getPath().endsWith(".js")
                      ? "text/javascript"
                      : "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    try (Browser browser = Browser.start(800, 600)) {
      browser.driver().get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      browser
          .waitUpTo(Duration.ofSeconds(20))
          .until(ExpectedConditions.textToBe(By.id("out"), "ran"));
      assertTrue(
          browser.consoleErrors().stream().anyMatch(m -> m.contains("made-up failure")),
          () -> "console: " + browser.console());
      Path png = browser.screenshot(dir.resolve("shot.png"));
      byte[] head = Files.readAllBytes(png);
      assertEquals((byte) 0x89, head[0]);
      assertEquals('P', head[1]);
    } finally {
      server.stop(0);
    }
  }
}
