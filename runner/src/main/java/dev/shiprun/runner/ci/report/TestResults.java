package dev.shiprun.runner.ci.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The totals of a build's JUnit XML reports.
 *
 * @param files how many report files were read (0: no results)
 * @param tests every test case
 * @param failures those that failed an assertion
 * @param errors those that ended with an error
 * @param skipped those that did not run
 * @param duration the time of the test cases, summed
 * @param failed the tests that failed or ended with an error, in report order
 * @param warnings one line per report file that was skipped
 */
public record TestResults(
    int files,
    int tests,
    int failures,
    int errors,
    int skipped,
    Duration duration,
    List<FailedTest> failed,
    List<String> warnings) {

  public TestResults {
    failed = List.copyOf(failed);
    warnings = List.copyOf(warnings);
  }

  /** Whether any report was read: an empty or missing folder, or only bad files, gives none. */
  public boolean hasResults() {
    return files > 0;
  }

  /** The tests that passed: those that neither failed, ended with an error nor were skipped. */
  public int passed() {
    return Math.max(0, tests - failures - errors - skipped);
  }

  /**
   * One line for the console, e.g. {@code tests: 42 passed, 1 failed, 0 errors, 3 skipped in 1.2
   * s}.
   */
  public String summary() {
    if (!hasResults()) {
      return "tests: no results";
    }
    return "tests: "
        + passed()
        + " passed, "
        + failures
        + " failed, "
        + errors
        + (errors == 1 ? " error, " : " errors, ")
        + skipped
        + " skipped in "
        + seconds(duration);
  }

  static String seconds(Duration duration) {
    double seconds = duration.toNanos() / 1e9;
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long whole = Math.round(seconds);
    return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
  }
}
