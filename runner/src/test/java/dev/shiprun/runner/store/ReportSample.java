package dev.shiprun.runner.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run's report as a CI build gives it, for the tests that store and show one. */
public final class ReportSample {

  private ReportSample() {}

  /**
   * One matrix job, {@code 3.1}, that failed one of its 4 tests ({@code ApiTest › answers 404})
   * with 75.5 % of its lines covered, and the totals: plain values, nested, in order.
   */
  public static Map<String, Object> failedBuild() {
    Map<String, Object> tests = new LinkedHashMap<>();
    tests.put("total", 4);
    tests.put("passed", 3);
    tests.put("failed", 1);
    tests.put("errors", 0);
    tests.put("skipped", 0);
    tests.put(
        "failedTests",
        List.of(Map.of("suite", "ApiTest", "name", "answers 404", "message", "got 500")));
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("number", "3.1");
    job.put("status", "failure");
    job.put("allowFailure", false);
    job.put("tests", tests);
    job.put("coverage", Map.of("lines", 75.5));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("matrix", List.of(job));
    report.put("tests", Map.of("total", 4));
    return report;
  }
}
