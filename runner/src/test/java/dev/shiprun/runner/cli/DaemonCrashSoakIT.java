package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon killed with {@code kill -9} again and again in the middle of runs, on one home: after
 * the last restart every queued request has run once, every run ended (the ones the crash cut are
 * {@code interrupted}), no process of a cut run lives on, and the job's state counts exactly the
 * runs that succeeded. The number of crashes comes from {@code shiprun.soak.kills}; {@code
 * bench/soak.sh} runs twenty.
 */
class DaemonCrashSoakIT {

  private static final int KILLS = Integer.getInteger("shiprun.soak.kills", 3);
  private static final String TOKEN = "made-up-soak-token";

  /** A mark no other process on the machine has in its command line. */
  private static final String CHILD = "sleep 300.6017";

  /**
   * Each run leaves a child in the background, says it started, and adds one to the job's state;
   * the cut ones are cut while the child lives.
   */
  private static final String LINE =
      """
      jobs:
        - name: count
          type: runSh
          steps:
            - TASK:
                script:
                  - '%s & child=$!'
                  - 'touch "%s/started.$BUILD_NUMBER"'
                  - 'n=$(cat "$JOB_PREVIOUS_STATE/count" 2>/dev/null || echo 0)'
                  - 'echo "count was $n"'
                  - 'sleep 0.3'
                  - 'echo $((n + 1)) > "$JOB_STATE/count"'
                  - 'kill $child'
      """;

  @TempDir Path temp;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopDaemons() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void killMinus9DuringRunsLosesNoRequestNoStateAndLeavesNoProcess() throws Exception {
    Path home = temp.resolve("home");
    Path marks = Files.createDirectories(temp.resolve("marks"));
    int port = DaemonProcess.freePort();
    List<Long> requested = new ArrayList<>();
    for (int crash = 0; crash < KILLS; crash++) {
      DaemonProcess daemon = start(home, port, "crash-" + crash);
      if (crash == 0) {
        assertEquals(
            201,
            daemon
                .send("PUT", "/api/lines/soak", "application/yaml", LINE.formatted(CHILD, marks))
                .statusCode());
      }
      int before = countFiles(marks);
      for (int i = 0; i < 3; i++) {
        requested.add(daemon.trigger("soak", "count"));
      }
      awaitFiles(marks, before + 1 + crash % 2);
      daemon.kill();
    }
    DaemonProcess last = start(home, port, "last");
    List<JsonNode> runs = awaitAllEnded(last);
    Map<Long, String> statusById = new TreeMap<>();
    runs.forEach(r -> statusById.put(r.get("id").asLong(), r.get("status").asText()));
    assertEquals(requested.size(), runs.size(), "one run per request: " + statusById);
    int succeeded = 0;
    for (long id : requested) {
      String status = statusById.get(id);
      assertTrue(
          "success".equals(status) || "interrupted".equals(status),
          "run " + id + " is " + status + ": " + statusById);
      succeeded += "success".equals(status) ? 1 : 0;
    }
    assertTrue(succeeded > 0, "no run succeeded: " + statusById);
    awaitNoChild();

    long count = last.trigger("soak", "count");
    awaitAllEnded(last);
    JsonNode run = last.json("/api/runs/" + count);
    assertEquals("success", run.get("status").asText(), run.toString());
    String log = last.send("GET", "/api/runs/" + count + "/log", null, null).body();
    assertTrue(
        log.contains("count was " + succeeded + "\n"),
        "the state counts every run that succeeded, and only those: " + statusById + "\n" + log);
    assertEquals(0, last.terminate(), last.err());
  }

  private DaemonProcess start(Path home, int port, String name) throws Exception {
    DaemonProcess daemon = DaemonProcess.start(home, port, TOKEN, temp, name);
    started.add(daemon.process());
    daemon.awaitReady();
    return daemon;
  }

  private static List<JsonNode> awaitAllEnded(DaemonProcess daemon) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      List<JsonNode> runs = daemon.runs("soak");
      if (runs.stream()
          .map(r -> r.get("status").asText())
          .noneMatch(s -> s.equals("queued") || s.equals("processing"))) {
        return runs;
      }
      assertTrue(System.nanoTime() < deadline, "runs still going: " + runs);
      Thread.sleep(100);
    }
  }

  private static int countFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return (int) files.count();
    }
  }

  private static void awaitFiles(Path dir, int atLeast) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (countFiles(dir) < atLeast) {
      assertTrue(System.nanoTime() < deadline, "fewer than " + atLeast + " runs started");
      Thread.sleep(20);
    }
  }

  /** No process whose command line carries the runs' mark, within a bounded wait. */
  private static void awaitNoChild() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      List<Long> left =
          ProcessHandle.allProcesses()
              .filter(p -> p.info().commandLine().orElse("").contains(CHILD))
              .filter(p -> Processes.isRunning(p.pid()))
              .map(ProcessHandle::pid)
              .toList();
      if (left.isEmpty()) {
        return;
      }
      assertTrue(System.nanoTime() < deadline, "a cut run's processes live on: " + left);
      Thread.sleep(100);
    }
  }
}
