package dev.shiprun.runner.ci.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a build's reports say: its test results and its coverage.
 *
 * @param tests the JUnit XML totals
 * @param coverage the Cobertura XML totals
 */
public record BuildReport(TestResults tests, CoverageResults coverage) {

  /**
   * One line for the console, e.g. {@code tests: 42 passed, 1 failed, 0 errors, 3 skipped in 1.2 s;
   * coverage: lines 81.3 %, branches 64.0 %}; the part of a kind with no report is left out, and a
   * build with neither says so.
   */
  public String summary() {
    List<String> parts = new ArrayList<>();
    if (tests.hasResults()) {
      parts.add(tests.summary());
    }
    if (coverage.hasResults()) {
      parts.add(coverage.summary());
    }
    return parts.isEmpty() ? "tests: no results; coverage: no report" : String.join("; ", parts);
  }

  /** Every warning of both kinds of report, tests first. */
  public List<String> warnings() {
    List<String> all = new ArrayList<>(tests.warnings());
    all.addAll(coverage.warnings());
    return all;
  }
}
