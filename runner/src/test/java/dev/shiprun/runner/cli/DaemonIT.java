package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

  @AfterEach
  void stopDaemons() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void theFirstStartMakesTheTokenShowsItOnceAndItOpensTheApi() throws Exception {
    Path home = temp.resolve("home");
    int port = DaemonProcess.freePort();
    DaemonProcess first = start(home, port, Map.of(), "first");
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

    // The API's description (scanned on the first request, also in the packaged jar) is behind
    // the token too; there is no Swagger UI.
    assertEquals(401, get(port, "/q/openapi", null).statusCode());
    HttpResponse<String> openapi = get(port, "/q/openapi?format=json", token);
    assertEquals(200, openapi.statusCode(), openapi.body());
    assertTrue(openapi.body().contains("\"/api/lines/{name}\""), openapi.body());
    assertTrue(openapi.body().contains("\"/api/runs/{id}/log\""), openapi.body());
    assertEquals(404, get(port, "/q/swagger-ui", token).statusCode());

    // A one-shot command starts no listener, so it works beside the daemon.
    Process validate =
        new ProcessBuilder(Processes.shiprun("validate", FIXTURE))
            .redirectErrorStream(true)
            .start();
    String validateOut = new String(validate.getInputStream().readAllBytes());
    assertTrue(validate.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, validate.exitValue(), validateOut);

    assertEquals(0, first.terminate(), "exit code after SIGTERM: " + first.err());
    assertTrue(first.err().contains("shiprun daemon: stopped"), first.err());
    assertFalse(first.err().contains("Exception"), first.err());

    DaemonProcess second = start(home, port, Map.of(), "second");
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
    int port = DaemonProcess.freePort();
    DaemonProcess daemon =
        start(home, port, Map.of("SHIPRUN_API_TOKEN", "made-up-env-token"), "env");
    daemon.awaitReady();
    assertEquals(200, get(port, "/api/version", "made-up-env-token").statusCode());
    assertEquals(401, get(port, "/api/version", "made-up-file-token").statusCode());
    assertFalse(daemon.err().contains("made-up-env-token"), daemon.err());
    assertTrue(daemon.err().contains("token from SHIPRUN_API_TOKEN"), daemon.err());
    assertEquals(0, daemon.terminate());
  }

  @Test
  void aTakenPortIsOneLineAndExitCode3() throws Exception {
    int port = DaemonProcess.freePort();
    DaemonProcess holder = start(temp.resolve("a"), port, Map.of(), "holder");
    holder.awaitReady();
    DaemonProcess second = start(temp.resolve("b"), port, Map.of(), "second");
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

  @Test
  void anUnknownRuntimeDefaultEndsTheDaemonBeforeItMakesAnything() throws Exception {
    Path home = temp.resolve("unknown-runtime");
    DaemonProcess daemon =
        start(
            home,
            DaemonProcess.freePort(),
            Map.of("SHIPRUN_RUNTIME_DEFAULT", "kubernetes"),
            "unknown-runtime");
    assertTrue(daemon.process().waitFor(60, TimeUnit.SECONDS), "the daemon did not end");
    assertEquals(2, daemon.process().exitValue(), daemon.err());
    assertTrue(
        daemon
            .err()
            .contains(
                "the runtime default 'kubernetes' of SHIPRUN_RUNTIME_DEFAULT names no executor;"
                    + " the executors here are host, container"),
        daemon.err());
    assertFalse(Files.exists(home.resolve("api-token")), "no token made for a refused start");
  }

  /**
   * The daemon's runtime default reaches its runs: a TASK that says nothing goes to the container
   * executor, whose engine (named, and missing) ends it in error with the one line that says so.
   */
  @Test
  void theDaemonsRuntimeDefaultPlacesATaskThatSaysNothing() throws Exception {
    int port = DaemonProcess.freePort();
    DaemonProcess daemon =
        start(
            temp.resolve("runtime-home"),
            port,
            Map.of(
                "SHIPRUN_API_TOKEN", "made-up-crash-token",
                "SHIPRUN_RUNTIME_DEFAULT", "container",
                "SHIPRUN_DEFAULT_IMAGE", "localhost/shiprun-absent:1",
                "SHIPRUN_CONTAINER_CLI", "/nonexistent/podman"),
            "runtime");
    daemon.awaitReady();
    assertEquals(
        201,
        send(
                port,
                "PUT",
                "/api/lines/crash",
                "application/yaml",
                "jobs:\n  - name: quick\n    type: runSh\n    steps:\n"
                    + "      - TASK: {script: ['echo never']}\n")
            .statusCode(),
        daemon.err());
    long id = trigger(port, "quick", "{}");
    assertEquals("error", awaitEnd(port, id).get("status").asText(), daemon.err());
    String log = send(port, "GET", "/api/runs/" + id + "/log", null, null).body();
    assertTrue(log.contains("started in a container of localhost/shiprun-absent:1"), log);
    assertTrue(log.contains("needs a container engine"), log);
    assertFalse(log.contains("never"), log);
    assertEquals(0, daemon.terminate());
  }

  private static final String CRASH_LINE =
      """
      resources:
        - name: knob
          type: params
          versionTemplate: {params: {A: "1"}}
        - name: result
          type: params
          versionTemplate: {params: {R: "0"}}
      jobs:
        - name: long
          type: runSh
          steps:
            - IN: knob
            - TASK:
                script:
                  - 'sleep 300 & echo $! > "$MARKS/child.pid"'
                  - 'echo $$ > "$MARKS/script.pid"'
                  - 'sleep 300'
            - OUT: result
        - name: quick
          type: runSh
          steps:
            - IN: knob
            - TASK: {script: ['echo quick $N']}
      """;

  @Test
  void afterKillMinus9TheRunIsInterruptedItsProcessesGoAndQueuedRunsContinue() throws Exception {
    Path home = temp.resolve("home");
    Path marks = Files.createDirectories(temp.resolve("marks"));
    int port = DaemonProcess.freePort();
    Map<String, String> env = Map.of("SHIPRUN_API_TOKEN", "made-up-crash-token");
    DaemonProcess first = start(home, port, env, "crash-first");
    first.awaitReady();
    assertEquals(
        201,
        send(port, "PUT", "/api/lines/crash", "application/yaml", CRASH_LINE).statusCode(),
        first.err());
    long longRun = trigger(port, "long", "{\"variables\": {\"MARKS\": \"" + marks + "\"}}");
    awaitFile(marks.resolve("script.pid"));
    awaitFile(marks.resolve("child.pid"));
    long quick1 = trigger(port, "quick", "{\"variables\": {\"N\": \"1\"}}");
    long quick2 = trigger(port, "quick", "{\"variables\": {\"N\": \"2\"}}");
    long script = Long.parseLong(Files.readString(marks.resolve("script.pid")).strip());
    long child = Long.parseLong(Files.readString(marks.resolve("child.pid")).strip());
    assertTrue(ProcessHandle.of(script).isPresent() && ProcessHandle.of(child).isPresent());

    first.kill();
    // The job's processes run in their own session: the crash alone does not end them.
    assertTrue(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "child died");

    DaemonProcess second = start(home, port, env, "crash-second");
    second.awaitReady();
    JsonNode interrupted = run(port, longRun);
    assertEquals("interrupted", interrupted.get("status").asText(), interrupted.toString());
    assertTrue(
        interrupted.get("reason").asText().contains("ended before the run finished"),
        interrupted.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (ProcessHandle.of(script).map(ProcessHandle::isAlive).orElse(false)
        || ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)) {
      assertTrue(System.nanoTime() < deadline, "the crashed run's processes live on");
      Thread.sleep(100);
    }
    for (long quick : List.of(quick1, quick2)) {
      assertEquals("success", awaitEnd(port, quick).get("status").asText(), second.err());
    }
    JsonNode versions =
        new ObjectMapper()
            .readTree(send(port, "GET", "/api/resources/crash/result/versions", null, null).body());
    for (JsonNode v : versions) {
      assertFalse(
          v.path("createdByRun").asLong() == longRun,
          "no OUT version from the interrupted run: " + versions);
    }
    JsonNode quickRuns =
        new ObjectMapper()
            .readTree(send(port, "GET", "/api/runs?line=crash&job=quick", null, null).body());
    assertEquals(2, quickRuns.size(), "each queued run ran once: " + quickRuns);
    assertEquals(0, second.terminate());
  }

  private long trigger(int port, String job, String body) throws Exception {
    HttpResponse<String> r =
        send(port, "POST", "/api/lines/crash/jobs/" + job + "/runs", "application/json", body);
    assertEquals(202, r.statusCode(), r.body());
    return new ObjectMapper().readTree(r.body()).get("id").asLong();
  }

  private JsonNode run(int port, long id) throws Exception {
    return new ObjectMapper().readTree(send(port, "GET", "/api/runs/" + id, null, null).body());
  }

  private JsonNode awaitEnd(int port, long id) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      JsonNode run = run(port, id);
      String status = run.get("status").asText();
      if (!status.equals("queued") && !status.equals("processing")) {
        return run;
      }
      assertTrue(System.nanoTime() < deadline, "run " + id + " still " + status);
      Thread.sleep(100);
    }
  }

  private static void awaitFile(Path file) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(file) || file.toFile().length() == 0) {
      assertTrue(System.nanoTime() < deadline, "no " + file);
      Thread.sleep(50);
    }
  }

  private HttpResponse<String> send(
      int port, String method, String path, String contentType, String body) throws Exception {
    return DaemonProcess.request(port, "made-up-crash-token", method, path, contentType, body);
  }

  private DaemonProcess start(Path home, int port, Map<String, String> env, String name)
      throws IOException {
    DaemonProcess daemon = DaemonProcess.start(home, port, env, temp, name);
    started.add(daemon.process());
    return daemon;
  }

  private HttpResponse<String> get(int port, String path, String token) throws Exception {
    return DaemonProcess.request(port, token, "GET", path, null, null);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
