package dev.shiprun.runner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.shiprun.runner.Poll;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sub-path proxy of the browser tests: nginx takes the prefix off, passes the Host, and hands
 * on a streamed answer piece by piece (the second event is sent only after the client read the
 * first).
 */
class NginxTest {

  @Test
  void passesTheSubPathOnWithoutThePrefixAndStreams(@TempDir Path dir) throws Exception {
    CountDownLatch firstRead = new CountDownLatch(1);
    HttpServer upstream =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (path.equals("/events")) {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write("data: one\n\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            try {
              firstRead.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            body.write("data: two\n\n".getBytes(StandardCharsets.UTF_8));
            exchange.close();
            return;
          }
          byte[] bytes =
              (path + " host=" + exchange.getRequestHeaders().getFirst("Host"))
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    upstream.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
    upstream.start();
    try (Nginx nginx = Nginx.start(dir, "/ci/", upstream.getAddress().getPort())) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + nginx.port();
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/ci/ui/app.js")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertEquals("/ui/app.js host=127.0.0.1", page.body());

      HttpResponse<java.io.InputStream> events =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/ci/events"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
        assertEquals("data: one", reader.readLine());
        firstRead.countDown();
        assertEquals("", reader.readLine());
        assertEquals("data: two", reader.readLine());
      }
      // nginx logs a request when its answer has ended, which may be just after the client read it.
      Poll.until(
          Duration.ofSeconds(10),
          "nginx logs the event stream's request",
          () -> nginx.accessLog().contains("GET /ci/events"));
    } finally {
      upstream.stop(0);
    }
  }
}
