package dev.shiprun.runner.daemon.work;

import dev.shiprun.runner.daemon.DaemonLog;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.engine.event.RunListener;
import dev.shiprun.runner.engine.event.RunReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a line to the daemon's own log when a run begins (with how long it waited in the queue and
 * what triggered it) and when it finishes (status, duration, reason, and a CI build's test counts
 * over its matrix). Never a line of job output.
 */
final class RunEventLog implements RunListener {

  private final DaemonLog log;

  RunEventLog(DaemonLog log) {
    this.log = log;
  }

  @Override
  public void on(RunEvent event) {
    if (event instanceof RunEvent.JobStarted started) {
      began(started);
    } else if (event instanceof RunEvent.JobEnded ended) {
      ended.result().ifPresent(this::finished);
    }
  }

  /** Job output is not for this log. */
  @Override
  public boolean showsLines() {
    return false;
  }

  private void began(RunEvent.JobStarted started) {
    boolean queued = started.queuedAt().isPresent();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("run", started.runId());
    fields.put("line", started.line());
    fields.put("job", started.job());
    fields.put("triggeredBy", started.triggeredBy());
    fields.put("waitMs", started.waited().toMillis());
    log.event(
        "began",
        fields,
        "run "
            + started.runId()
            + " began: "
            + started.line()
            + "/"
            + started.job()
            + (queued ? "" : " (triggered by " + started.triggeredBy() + ")"));
  }

  private void finished(JobResult result) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("run", result.runId());
    fields.put("job", result.job());
    fields.put("build", result.buildNumber());
    fields.put("status", result.status().wire());
    fields.put("durationMs", result.duration().toMillis());
    result.reason().ifPresent(r -> fields.put("reason", r));
    Map<String, Long> tests = new RunReport(result.report()).tests();
    if (!tests.isEmpty()) {
      fields.put("tests", tests);
    }
    log.event(
        "finished",
        fields,
        "run "
            + result.runId()
            + " finished: "
            + result.job()
            + " #"
            + result.buildNumber()
            + " "
            + result.status().wire()
            + " in "
            + result.duration().toMillis()
            + " ms"
            + result.reason().map(r -> " (" + r + ")").orElse("")
            + (tests.isEmpty() ? "" : "; " + RunReport.describe(tests)));
  }
}
