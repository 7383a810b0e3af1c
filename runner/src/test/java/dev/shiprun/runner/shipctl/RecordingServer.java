package dev.shiprun.runner.shipctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on a loopback port that records every request and answers {@code 200 ok}, or
 * what {@link #answer} set for a path: the far end of {@code shipctl notify}.
 */
public final class RecordingServer implements AutoCloseable {

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  private RecordingServer(HttpServer server) {
    this.server = server;
  }

  public static RecordingServer start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      RecordingServer recording = new RecordingServer(server);
      server.createContext("/", recording::handle);
      server.start();
      return recording;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers requests to {@code path} (without query) with {@code status} and {@code body}. */
  public RecordingServer answer(String path, int status, String body) {
    answers.put(path, new Answer(status, body));
    return this;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      Headers headers = new Headers();
      headers.putAll(exchange.getRequestHeaders());
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              headers,
              new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      Answer answer =
          answers.getOrDefault(exchange.getRequestURI().getRawPath(), new Answer(200, "ok"));
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private record Answer(int status, String body) {}

  /** One request as received; header names are case-insensitive. */
  public record Request(String method, String path, String query, Headers headers, String body) {

    public String header(String name) {
      return headers.getFirst(name);
    }

    public JsonNode json() {
      return JobFolder.read(body);
    }
  }
}
