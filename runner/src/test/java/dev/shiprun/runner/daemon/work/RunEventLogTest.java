package dev.shiprun.runner.daemon.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.daemon.DaemonLog;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.store.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The daemon's own log as one listener of the runs' events: a line when a run begins and ends. */
class RunEventLogTest {

  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private RunEventLog log(DaemonLog.Format format) {
    return new RunEventLog(
        new DaemonLog(new PrintStream(out, true, StandardCharsets.UTF_8), format));
  }

  private List<JsonNode> entries() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> entries = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).strip().split("\n")) {
      entries.add(json.readTree(line));
    }
    return entries;
  }

  @Test
  void beganHasTheWaitAndTriggerAndFinishedHasTheResult() throws Exception {
    RunEventLog log = log(DaemonLog.Format.JSON);
    log.on(
        new RunEvent.JobStarted("build", 7, 1, "web", "go", Optional.of(T0), T0.plusMillis(1500)));
    log.on(new RunEvent.LogLine("build", 7, "made-up-secret-free output"));
    log.on(
        new RunEvent.TaskEnded(
            "build", 7, dev.shiprun.runner.store.RunStepSample.success("first")));
    log.on(
        new RunEvent.JobEnded(
            "build",
            7,
            Optional.of(
                new JobResult(
                    "build",
                    7,
                    4,
                    RunStatus.FAILURE,
                    Duration.ofMillis(1840),
                    List.of(),
                    Optional.of("script exited with 2"),
                    Map.of(),
                    List.of()))));
    log.on(new RunEvent.JobStarted("deploy", 8, 1, "web", "build", Optional.empty(), T0));
    // No result: the run broke off; the engine's failure is told elsewhere.
    log.on(new RunEvent.JobEnded("deploy", 8, Optional.empty()));

    List<JsonNode> entries = entries();
    assertEquals(3, entries.size(), out.toString(StandardCharsets.UTF_8));
    JsonNode began = entries.get(0);
    assertEquals("began", began.get("event").asText());
    assertEquals(7, began.get("run").asLong());
    assertEquals("web", began.get("line").asText());
    assertEquals("build", began.get("job").asText());
    assertEquals("go", began.get("triggeredBy").asText());
    assertEquals(1500, began.get("waitMs").asLong());
    assertEquals("run 7 began: web/build", began.get("message").asText());

    JsonNode finished = entries.get(1);
    assertEquals("finished", finished.get("event").asText());
    assertEquals(4, finished.get("build").asInt());
    assertEquals("failure", finished.get("status").asText());
    assertEquals(1840, finished.get("durationMs").asLong());
    assertEquals("script exited with 2", finished.get("reason").asText());
    assertEquals(
        "run 7 finished: build #4 failure in 1840 ms (script exited with 2)",
        finished.get("message").asText());

    JsonNode triggered = entries.get(2);
    assertEquals("build", triggered.get("triggeredBy").asText());
    assertEquals(0, triggered.get("waitMs").asLong(), "a triggered run never waited in the queue");
    assertEquals("run 8 began: web/deploy (triggered by build)", triggered.get("message").asText());
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("output"), "no job output");
  }

  @Test
  void aFinishedCiBuildHasItsTestCounts() throws Exception {
    RunEventLog log = log(DaemonLog.Format.JSON);
    Map<String, Object> report =
        Map.of(
            "matrix",
            List.of(Map.of("number", "4.1", "status", "success")),
            "tests",
            Map.of("total", 12, "passed", 11, "failed", 0, "errors", 0, "skipped", 1));
    log.on(
        new RunEvent.JobEnded(
            "app_runCI",
            9,
            Optional.of(
                new JobResult(
                    "app_runCI",
                    9,
                    4,
                    RunStatus.SUCCESS,
                    Duration.ofMillis(5000),
                    List.of(),
                    Optional.empty(),
                    report,
                    List.of()))));
    JsonNode finished = entries().get(0);
    assertEquals(12, finished.get("tests").get("total").asInt());
    assertEquals(
        "run 9 finished: app_runCI #4 success in 5000 ms; 12 tests, 0 failed, 1 skipped",
        finished.get("message").asText());
  }

  @Test
  void itAsksForNoLinesAndTextIsOneLinePerEntry() {
    RunEventLog log = log(DaemonLog.Format.TEXT);
    assertFalse(log.showsLines());
    log.on(new RunEvent.JobStarted("deploy", 8, 1, "web", "app-image", Optional.empty(), T0));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.strip().endsWith(" run 8 began: web/deploy (triggered by app-image)"), text);
  }
}
