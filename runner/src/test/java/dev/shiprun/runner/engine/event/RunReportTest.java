package dev.shiprun.runner.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The totals of a report over its matrix jobs. */
class RunReportTest {

  @Test
  void totalsTheReportGivesAreKept() {
    Map<String, Object> report =
        Map.of(
            "matrix",
            List.of(Map.of("number", "1.1", "tests", Map.of("total", 3, "failed", 1))),
            "tests",
            Map.of("total", 9, "failed", 0),
            "coverage",
            Map.of("lines", 50.0));
    RunReport read = new RunReport(report);
    assertEquals(Map.of("total", 9L, "failed", 0L), read.tests());
    assertEquals(OptionalDouble.of(50.0), read.lines());
    assertEquals(OptionalDouble.empty(), read.branches());
    assertEquals(report, read.withTotals());
  }

  @Test
  void totalsAreAddedOverTheJobsThatHaveSome() {
    Map<String, Object> report =
        Map.of(
            "matrix",
            List.of(
                Map.of(
                    "number",
                    "2.1",
                    "tests",
                    Map.of("total", 4, "passed", 4, "failed", 0, "errors", 0, "skipped", 0),
                    "coverage",
                    Map.of("lines", 70.04)),
                Map.of(
                    "number",
                    "2.2",
                    "tests",
                    Map.of("total", 5, "passed", 2, "failed", 2, "errors", 1, "skipped", 0),
                    "coverage",
                    Map.of("lines", 80.0)),
                Map.of("number", "2.3", "status", "skipped")));
    Map<String, Object> totals = new RunReport(report).withTotals();
    assertEquals(
        Map.of("total", 9L, "passed", 6L, "failed", 2L, "errors", 1L, "skipped", 0L),
        totals.get("tests"));
    assertEquals(Map.of("lines", 75.0), totals.get("coverage"), "the jobs' mean, to a tenth");
    List<String> keys = new ArrayList<>(totals.keySet());
    assertEquals(List.of("tests", "coverage"), keys.subList(1, 3), "the totals come after");
  }

  @Test
  void aReportWithoutAMatrixIsLeftAsItIs() {
    Map<String, Object> report = Map.of("note", "nothing to total");
    assertSame(report, new RunReport(report).withTotals());
    assertEquals(Map.of(), new RunReport(Map.of()).tests());
  }
}
