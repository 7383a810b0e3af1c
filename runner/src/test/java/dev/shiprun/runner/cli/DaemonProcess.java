package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code shiprun daemon} of the packaged jar, started by a test as a process: its readiness, its
 * API with a token, SIGTERM and {@code kill -9}.
 */
final class DaemonProcess {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path errFile;
  private final int port;
  private final String token;

  private DaemonProcess(Process process, Path errFile, int port, String token) {
    this.process = process;
    this.errFile = errFile;
    this.port = port;
    this.token = token;
  }

  /** Starts a daemon on the home and port, its output in {@code logs/NAME.out|err}. */
  static DaemonProcess start(Path home, int port, String token, Path logs, String name)
      throws IOException {
    return start(home, port, Map.of("SHIPRUN_API_TOKEN", token), logs, name);
  }

  /**
   * Starts a daemon with {@code env} on top of this test's environment, less its SHIPRUN_API_TOKEN:
   * without one in {@code env} the daemon uses its home's token file, and the requests of {@link
   * #send} go without a token.
   */
  static DaemonProcess start(Path home, int port, Map<String, String> env, Path logs, String name)
      throws IOException {
    return start(home, port, env, logs, name, List.of());
  }

  /** As {@link #start(Path, int, Map, Path, String)}, with more options of the daemon. */
  static DaemonProcess start(
      Path home, int port, Map<String, String> env, Path logs, String name, List<String> options)
      throws IOException {
    Path err = logs.resolve(name + ".err");
    List<String> args =
        new ArrayList<>(
            List.of("daemon", "--port", Integer.toString(port), "--home", home.toString()));
    args.addAll(options);
    ProcessBuilder builder =
        new ProcessBuilder(Processes.shiprun(args.toArray(String[]::new)))
            .redirectOutput(logs.resolve(name + ".out").toFile())
            .redirectError(err.toFile());
    builder.environment().remove("SHIPRUN_API_TOKEN");
    builder.environment().putAll(env);
    return new DaemonProcess(builder.start(), err, port, env.get("SHIPRUN_API_TOKEN"));
  }

  Process process() {
    return process;
  }

  String err() throws IOException {
    return Files.readString(errFile, StandardCharsets.UTF_8);
  }

  void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertTrue(process.isAlive(), "the daemon ended: " + err());
      try {
        if (send("GET", "/q/health/ready", null, null).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // not yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the daemon was not ready within 60 s: " + err());
  }

  /** SIGTERM, then the exit code; the daemon must be gone within 10 s. */
  int terminate() throws Exception {
    signal("-TERM");
    assertTrue(process.waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIGTERM");
    return process.exitValue();
  }

  /** {@code kill -9}: the daemon ends at once, whatever it was doing. */
  void kill() throws Exception {
    signal("-KILL");
    assertTrue(process.waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIGKILL");
  }

  private void signal(String which) throws Exception {
    Process kill = new ProcessBuilder("kill", which, Long.toString(process.pid())).start();
    assertEquals(0, kill.waitFor());
  }

  HttpResponse<String> send(String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    return request(port, token, method, path, contentType, body);
  }

  /** A request to the daemon on {@code port} with {@code token} (none when null). */
  static HttpResponse<String> request(
      int port, String token, String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(String path) throws Exception {
    HttpResponse<String> r = send("GET", path, null, null);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return new ObjectMapper().readTree(r.body());
  }

  /** Queues a run of a job of a line; its id. */
  long trigger(String line, String job) throws Exception {
    HttpResponse<String> r =
        send("POST", "/api/lines/" + line + "/jobs/" + job + "/runs", "application/json", "{}");
    assertEquals(202, r.statusCode(), r.body());
    return new ObjectMapper().readTree(r.body()).get("id").asLong();
  }

  /** Every run of a line, as the API lists them. */
  List<JsonNode> runs(String line) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    json("/api/runs?line=" + line + "&limit=1000").forEach(out::add);
    return out;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
