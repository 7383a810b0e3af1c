package dev.shiprun.runner.cli;

import dev.shiprun.runner.engine.event.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;

/**
 * A run's report as the console shows it: a line per matrix job ({@code 5.1 success 12 tests, 0
 * failed, 1 skipped lines 81.2 %}), its failed tests by name ({@code suite › name}) and warnings
 * under it, then the totals over all matrix jobs. No lines for a run without a report.
 */
final class ReportLines {

  private ReportLines() {}

  /**
   * @param report the run's report, as stored
   * @param shown masks a text once more on its way to the console
   */
  static List<String> of(Map<String, Object> report, UnaryOperator<String> shown) {
    RunReport read = new RunReport(report);
    List<RunReport.MatrixJob> matrix = read.matrix();
    List<String> out = new ArrayList<>();
    if (matrix.isEmpty()) {
      return out;
    }
    int numberWidth = "all".length();
    int statusWidth = 0;
    for (RunReport.MatrixJob job : matrix) {
      numberWidth = Math.max(numberWidth, job.number().length());
      statusWidth = Math.max(statusWidth, status(job).length());
    }
    for (RunReport.MatrixJob job : matrix) {
      out.add(
          row(
              pad(job.number(), numberWidth) + "  " + pad(status(job), statusWidth),
              job.tests(),
              job.lines(),
              job.branches()));
      job.reason().ifPresent(why -> out.add("    why: " + shown.apply(why)));
      for (RunReport.FailedTest test : job.failedTests()) {
        out.add("    failed: " + shown.apply(test.suite() + " › " + test.name()));
      }
      for (String warning : job.warnings()) {
        out.add("    warning: " + shown.apply(warning));
      }
    }
    if (matrix.size() > 1) {
      out.add(
          row(
              pad("all", numberWidth) + "  " + " ".repeat(statusWidth),
              read.tests(),
              read.lines(),
              read.branches()));
    }
    return out;
  }

  private static String status(RunReport.MatrixJob job) {
    return job.status() + (job.allowFailure() ? " (allowed to fail)" : "");
  }

  private static String row(
      String head, Map<String, Long> tests, OptionalDouble lines, OptionalDouble branches) {
    StringBuilder row = new StringBuilder(head).append("  ").append(RunReport.describe(tests));
    List<String> coverage = new ArrayList<>();
    lines.ifPresent(p -> coverage.add("lines " + percent(p)));
    branches.ifPresent(p -> coverage.add("branches " + percent(p)));
    if (!coverage.isEmpty()) {
      row.append("  ").append(String.join(", ", coverage));
    }
    return row.toString().stripTrailing();
  }

  private static String percent(double p) {
    return String.format(Locale.ROOT, "%.1f %%", p);
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
