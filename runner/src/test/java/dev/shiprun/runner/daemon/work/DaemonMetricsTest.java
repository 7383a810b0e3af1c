package dev.shiprun.runner.daemon.work;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.store.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The metrics as one listener of the runs' events: what a sequence of events makes of them. */
class DaemonMetricsTest {

  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private final DaemonMetrics metrics = new DaemonMetrics(() -> 4);

  @Test
  void aQueuedRunAndTheRunItTriggeredAreCountedWithTheirWaitOutputAndEnd() {
    // Run 7 waited 3 s in the queue; run 8, which it triggered, was never queued.
    metrics.on(
        new RunEvent.JobStarted(
            "build", 7, 1, "web", "manual", Optional.of(T0), T0.plusSeconds(3)));
    metrics.on(new RunEvent.LogLine("build", 7, "hello"));
    metrics.on(new RunEvent.LogLine("build", 7, "héllo €"));
    metrics.on(new RunEvent.Masked("build", 7, 2));
    metrics.on(
        new RunEvent.JobEnded("build", 7, Optional.of(result("build", 7, RunStatus.SUCCESS, 5))));
    metrics.on(
        new RunEvent.JobStarted(
            "deploy", 8, 1, "web", "build", Optional.empty(), T0.plusSeconds(9)));
    metrics.on(new RunEvent.Masked("deploy", 8, 0));
    metrics.on(
        new RunEvent.JobEnded("deploy", 8, Optional.of(result("deploy", 8, RunStatus.FAILURE, 2))));
    // A run that broke off (or whose request could not run) has no result: no status to count.
    metrics.on(new RunEvent.JobEnded("deploy", 9, Optional.empty()));
    metrics.killed(3);

    String text = metrics.scrape();
    assertEquals(2.0, value(text, "shiprun_runs_started_total"), text);
    assertEquals(2.0, value(text, "shiprun_queue_wait_seconds_count"), text);
    assertEquals(3.0, value(text, "shiprun_queue_wait_seconds_sum"), 1e-9, text);
    assertEquals(
        ("hello".length() + 1)
            + ("héllo €".getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1),
        value(text, "shiprun_log_bytes_total"),
        "UTF-8 bytes of each line and its newline: " + text);
    assertEquals(2.0, value(text, "shiprun_masked_matches_total"), text);
    assertEquals(1.0, value(text, "shiprun_runs_finished_total{status=\"success\"}"), text);
    assertEquals(1.0, value(text, "shiprun_runs_finished_total{status=\"failure\"}"), text);
    assertEquals(2.0, value(text, "shiprun_run_duration_seconds_count"), text);
    assertEquals(7.0, value(text, "shiprun_run_duration_seconds_sum"), 1e-9, text);
    assertEquals(3.0, value(text, "shiprun_killed_processes_total"), text);
    assertEquals(4.0, value(text, "shiprun_queue_length"), text);
  }

  @Test
  void eventsItDoesNotCountChangeNothing() {
    metrics.on(
        new RunEvent.TaskEnded(
            "build", 7, dev.shiprun.runner.store.RunStepSample.success("first")));
    metrics.on(new RunEvent.VersionsPosted("build", 7, List.of()));
    String text = metrics.scrape();
    assertEquals(0.0, value(text, "shiprun_runs_started_total"), text);
    assertEquals(0.0, value(text, "shiprun_log_bytes_total"), text);
  }

  private static JobResult result(String job, long runId, RunStatus status, int seconds) {
    return new JobResult(
        job,
        runId,
        1,
        status,
        Duration.ofSeconds(seconds),
        List.of(),
        Optional.empty(),
        Map.of(),
        List.of());
  }

  /** The value of the sample {@code name} (with its labels, if any) in the Prometheus text. */
  private static double value(String text, String name) {
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(name.length() + 1).trim().split(" ")[0]);
      }
    }
    throw new AssertionError("no sample " + name + " in:\n" + text);
  }
}
