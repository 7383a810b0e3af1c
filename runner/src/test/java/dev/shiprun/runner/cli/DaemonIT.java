package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shiprun daemon} of the packaged jar as a process: ready on its port, the token made once
 * (0600, shown only at the first start) or taken from SHIPRUN_API_TOKEN, one-shot commands beside
 * it, a taken port, and SIGTERM. A daemon stopped by SIGTERM or Ctrl-C exits 0: it handles the
 * signal itself (the seam where the queue will drain), so the JVM's 143 is not seen once it is
 * ready.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DaemonIT {

  private static final String FIXTURE = "src/test/resources/fixtures/valid";

  @TempDir Path temp;

  private final List<Process> started = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @AfterEach
  void stopDaemons() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void theFirstStartMakesTheTokenShowsItOnceAndItOpensTheApi() throws Exception {
    Path home = temp.resolve("home");
    int port = freePort();
    Daemon first = start(home, port, Map.of(), "first");
    first.awaitReady();

    Path tokenFile = home.resolve("api-token");
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
    String token = Files.readString(tokenFile).strip();
    assertEquals(1, count(first.err(), token), "the token is shown once: " + first.err());

    HttpResponse<String> refused = get(port, "/api/version", null);
    assertEquals(401, refused.statusCode());
    assertEquals(
        "application/problem+json", refused.headers().firstValue("content-type").orElse(""));
    JsonNode problem = new ObjectMapper().readTree(refused.body());
    assertEquals("Unauthorized", problem.get("title").asText());
    assertTrue(problem.has("type") && problem.has("detail"), refused.body());
    assertFalse(refused.body().contains(token), "no token in a refusal");
    assertEquals(401, get(port, "/api/version", "made-up-wrong-token").statusCode());

    HttpResponse<String> version = get(port, "/api/version", token);
    assertEquals(200, version.statusCode(), version.body());
    assertEquals(home.toString(), new ObjectMapper().readTree(version.body()).get("home").asText());

    // The API's description is behind the token too; Swagger UI is for dev mode only.
    assertEquals(401, get(port, "/q/openapi", null).statusCode());
    HttpResponse<String> openapi = get(port, "/q/openapi?format=json", token);
    assertEquals(200, openapi.statusCode(), openapi.body());
    assertTrue(openapi.body().contains("\"/api/lines/{name}\""), openapi.body());
    assertEquals(404, get(port, "/q/swagger-ui", token).statusCode());

    // A one-shot command starts no listener, so it works beside the daemon.
    Process validate =
        new ProcessBuilder(java(), "-jar", jar(), "validate", FIXTURE)
            .redirectErrorStream(true)
            .start();
    String validateOut = new String(validate.getInputStream().readAllBytes());
    assertTrue(validate.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, validate.exitValue(), validateOut);

    assertEquals(0, first.terminate(), "exit code after SIGTERM: " + first.err());
    assertTrue(first.err().contains("shiprun daemon: stopped"), first.err());
    assertFalse(first.err().contains("Exception"), first.err());

    Daemon second = start(home, port, Map.of(), "second");
    second.awaitReady();
    assertEquals(0, count(second.err(), token), "a later start does not show the token");
    assertEquals(200, get(port, "/api/version", token).statusCode());
    assertEquals(0, second.terminate());
  }

  @Test
  void shiprunApiTokenOverridesTheFile() throws Exception {
    Path home = temp.resolve("home");
    Files.createDirectories(home);
    Files.writeString(home.resolve("api-token"), "made-up-file-token\n");
    int port = freePort();
    Daemon daemon = start(home, port, Map.of("SHIPRUN_API_TOKEN", "made-up-env-token"), "env");
    daemon.awaitReady();
    assertEquals(200, get(port, "/api/version", "made-up-env-token").statusCode());
    assertEquals(401, get(port, "/api/version", "made-up-file-token").statusCode());
    assertFalse(daemon.err().contains("made-up-env-token"), daemon.err());
    assertTrue(daemon.err().contains("token from SHIPRUN_API_TOKEN"), daemon.err());
    assertEquals(0, daemon.terminate());
  }

  @Test
  void aTakenPortIsOneLineAndExitCode3() throws Exception {
    int port = freePort();
    Daemon holder = start(temp.resolve("a"), port, Map.of(), "holder");
    holder.awaitReady();
    Daemon second = start(temp.resolve("b"), port, Map.of(), "second");
    assertTrue(second.process().waitFor(60, TimeUnit.SECONDS), "the second daemon did not end");
    assertEquals(3, second.process().exitValue());
    assertEquals(
        List.of(
            "shiprun daemon: cannot listen on 127.0.0.1:"
                + port
                + ": the address is in use (another shiprun daemon?); stop that process, or"
                + " choose another port with --port"),
        second.err().strip().lines().toList());
    assertEquals(0, holder.terminate());
  }

  private record Daemon(Process process, Path errFile, int port, HttpClient http) {

    String err() throws IOException {
      return Files.readString(errFile, StandardCharsets.UTF_8);
    }

    void awaitReady() throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        assertTrue(process.isAlive(), "the daemon ended: " + err());
        try {
          HttpResponse<String> ready =
              http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (ready.statusCode() == 200) {
            return;
          }
        } catch (IOException notListeningYet) {
          // retry
        }
        Thread.sleep(100);
      }
      throw new AssertionError("the daemon was not ready within 60 s: " + err());
    }

    /** SIGTERM, then the exit code; the daemon must be gone within 10 s. */
    int terminate() throws Exception {
      Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start();
      assertEquals(0, kill.waitFor());
      assertTrue(process.waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIGTERM");
      return process.exitValue();
    }
  }

  private Daemon start(Path home, int port, Map<String, String> env, String name)
      throws IOException {
    Path err = temp.resolve(name + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(
                java(),
                "-jar",
                jar(),
                "daemon",
                "--port",
                Integer.toString(port),
                "--home",
                home.toString())
            .redirectOutput(temp.resolve(name + ".out").toFile())
            .redirectError(err.toFile());
    builder.environment().remove("SHIPRUN_API_TOKEN");
    builder.environment().putAll(env);
    Process process = builder.start();
    started.add(process);
    return new Daemon(process, err, port, http);
  }

  private HttpResponse<String> get(int port, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String jar() {
    return System.getProperty("shiprun.jar", "target/shiprun.jar");
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
