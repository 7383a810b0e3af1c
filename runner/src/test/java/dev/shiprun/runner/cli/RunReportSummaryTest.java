package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.Job;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.log.RunLogs;
import dev.shiprun.runner.engine.log.ShownVersions;
import dev.shiprun.runner.engine.schedule.LineRunner;
import dev.shiprun.runner.engine.schedule.LineRuns;
import dev.shiprun.runner.plugin.TestPlugins;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.Store;
import dev.shiprun.spi.BodyOutcome;
import dev.shiprun.spi.JobBody;
import dev.shiprun.spi.JobContext;
import dev.shiprun.spi.JobType;
import dev.shiprun.spi.Script;
import dev.shiprun.spi.TaskPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job type's report, from its body to the user: a real run on the engine both front ends use
 * (real store, real log), with a test job type whose body returns a CI build's report; then the
 * console summary and {@code --output json} of {@code shiprun run}.
 */
class RunReportSummaryTest {

  /** Made up; the body's failure message echoes it, as a test's assertion message might. */
  private static final String SECRET = "made-up-token-7f3a91";

  private static final String LINE =
      """
      jobs:
        - name: app_ci
          type: runSh
          steps:
            - TASK: {script: ['echo the body runs instead']}
      """;

  @TempDir Path home;

  @Test
  void theReportIsMaskedStoredWithTheRunAndShownPerMatrixJobWithTotals() throws Exception {
    JobResult result = run(new ReportingJobType(report()));

    // What the engine gives the front ends: masked, with totals over the matrix added.
    assertEquals(RunStatus.FAILURE, result.status());
    Map<String, Object> report = result.report();
    assertEquals(
        Map.of("total", 20L, "passed", 16L, "failed", 1L, "errors", 1L, "skipped", 2L),
        report.get("tests"));
    assertEquals(Map.of("lines", 80.0, "branches", 61.0), report.get("coverage"));
    String text = new ObjectMapper().writeValueAsString(report);
    assertFalse(text.contains(SECRET), text);
    assertTrue(text.contains("expected the token *** to be refused"), text);

    // The store keeps what the engine gave, written with the end status.
    try (Store store = Store.open(home, new ObjectMapper())) {
      Run stored = store.transaction(c -> store.runs().get(c, result.runId())).orElseThrow();
      assertEquals(RunStatus.FAILURE, stored.status());
      assertEquals(
          new ObjectMapper().readTree(text),
          new ObjectMapper().valueToTree(stored.report()),
          "the stored report is the one the run ended with");
    }
    String log = Files.readString(RunLogs.file(home, result.runId()));
    assertFalse(log.contains(SECRET), log);

    // The console: a line per matrix job, its failed tests by name, then the totals.
    LineRunner.Outcome outcome = new LineRunner.Outcome(List.of(result), false);
    String summary = RunSummary.text(outcome, ShownVersions.of(List.of()));
    String[] lines = summary.split("\n");
    assertTrue(lines[1].startsWith("app_ci  #1     failure"), summary);
    assertEquals(
        List.of(
            "app_ci #1:",
            "  7.1  success                    12 tests, 0 failed, 1 skipped  lines 81.2 %,"
                + " branches 60.0 %",
            "  7.2  failure                    8 tests, 1 failed, 1 error, 1 skipped  lines 78.8 %,"
                + " branches 62.0 %",
            "      failed: CalcTest › adds",
            "      failed: TokenTest › refuses",
            "  7.3  failure (allowed to fail)  no test results",
            "      warning: shippable/testresults/broken.xml: not JUnit XML (line 1)",
            "  all                             20 tests, 1 failed, 1 error, 2 skipped  lines 80.0 %,"
                + " branches 61.0 %",
            "app_ci #1: 2 of 3 matrix jobs failed"),
        List.of(lines).subList(2, lines.length));

    // --output json: the report as a 'report' object of the run.
    JsonNode json =
        new ObjectMapper().readTree(RunSummary.json(outcome, ShownVersions.of(List.of())));
    JsonNode shown = json.get("runs").get(0).get("report");
    assertEquals("7.2", shown.get("matrix").get(1).get("number").asText());
    assertEquals(
        "CalcTest",
        shown.get("matrix").get(1).get("tests").get("failedTests").get(0).get("suite").asText());
    assertEquals(20, shown.get("tests").get("total").asInt());
    assertEquals(80.0, shown.get("coverage").get("lines").asDouble());
    assertFalse(json.toString().contains(SECRET), json.toString());
  }

  @Test
  void aRunWithoutAReportPrintsAsWithoutReports() throws Exception {
    JobResult result = run(new ReportingJobType(Map.of()));
    assertEquals(Map.of(), result.report());
    LineRunner.Outcome outcome = new LineRunner.Outcome(List.of(result), false);
    String text = RunSummary.text(outcome, ShownVersions.of(List.of()));
    String duration = RunSummary.duration(result.duration());
    int width = Math.max("DURATION".length(), duration.length()) + 2;
    assertEquals(
        "JOB     BUILD  STATUS   "
            + "DURATION"
            + " ".repeat(width - "DURATION".length())
            + "OUT VERSIONS\n"
            + "app_ci  #1     success  "
            + duration
            + " ".repeat(width - duration.length())
            + "-\n",
        text,
        "the table alone, as for any run without a report");
    JsonNode run =
        new ObjectMapper().readTree(RunSummary.json(outcome, ShownVersions.of(List.of())));
    assertEquals(
        List.of("job", "runId", "buildNumber", "status", "durationMs", "reason", "outVersions"),
        iterable(run.get("runs").get(0).fieldNames()));
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> out = new java.util.ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }

  /** One run of the line's job with {@code type} running runSh, on a real engine and store. */
  private JobResult run(JobType type) {
    LineRunner.Outcome outcome =
        LineRuns.run(home, TestPlugins.withJobType(type), LINE, List.of("app_ci"), e -> {});
    assertEquals(1, outcome.results().size(), outcome.toString());
    return outcome.results().get(0);
  }

  /**
   * A CI build's report: three matrix jobs (one allowed to fail, without test results), no totals
   * (the engine adds them), a failure message that echoes a secret the body told the masker.
   */
  private static Map<String, Object> report() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("number", "7.1");
    first.put("status", "success");
    first.put("allowFailure", false);
    first.put("tests", tests(12, 11, 0, 0, 1, List.of()));
    first.put("coverage", Map.of("lines", 81.2, "branches", 60.0));
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("number", "7.2");
    second.put("status", "failure");
    second.put("allowFailure", false);
    second.put(
        "tests",
        tests(
            8,
            5,
            1,
            1,
            1,
            List.of(
                Map.of("suite", "CalcTest", "name", "adds", "message", "expected 3 but was 4"),
                Map.of(
                    "suite",
                    "TokenTest",
                    "name",
                    "refuses",
                    "message",
                    "expected the token " + SECRET + " to be refused"))));
    second.put("coverage", Map.of("lines", 78.8, "branches", 62.0));
    Map<String, Object> third = new LinkedHashMap<>();
    third.put("number", "7.3");
    third.put("status", "failure");
    third.put("allowFailure", true);
    third.put("warnings", List.of("shippable/testresults/broken.xml: not JUnit XML (line 1)"));
    return Map.of("matrix", List.of(first, second, third));
  }

  private static Map<String, Object> tests(
      int total, int passed, int failed, int errors, int skipped, List<Object> failedTests) {
    Map<String, Object> tests = new LinkedHashMap<>();
    tests.put("total", total);
    tests.put("passed", passed);
    tests.put("failed", failed);
    tests.put("errors", errors);
    tests.put("skipped", skipped);
    tests.put("durationMs", 1200);
    tests.put("failedTests", failedTests);
    return tests;
  }

  /**
   * Runs runSh jobs with a body that returns a fixed report (a failure when it has failed tests).
   */
  private record ReportingJobType(Map<String, Object> report) implements JobType {

    @Override
    public String name() {
      return "reportingRunSh";
    }

    @Override
    public Set<String> types() {
      return Set.of("runSh");
    }

    @Override
    public List<TaskPlan> tasks(Job job) {
      return List.of();
    }

    @Override
    public Script onCancel(Job job) {
      return Script.of(List.of());
    }

    @Override
    public Optional<JobBody> body(Job job) {
      return Optional.of(this::run);
    }

    private BodyOutcome run(JobContext context) {
      context.secret(SECRET);
      context.say("running the matrix");
      if (report.isEmpty()) {
        return new BodyOutcome(BodyOutcome.Ending.SUCCESS, Optional.empty(), Map.of());
      }
      return new BodyOutcome(
          BodyOutcome.Ending.FAILURE, Optional.of("2 of 3 matrix jobs failed"), report);
    }
  }
}
