package dev.shiprun.runner.ci.report;

import java.nio.file.Path;

/**
 * Reads the reports a build leaves in its folder: JUnit XML in {@code shippable/testresults/} and
 * Cobertura XML in {@code shippable/codecoverage/}.
 */
public final class BuildReportReader {

  private final JUnitReader tests;
  private final CoberturaReader coverage;

  public BuildReportReader() {
    this(new JUnitReader(), new CoberturaReader());
  }

  BuildReportReader(JUnitReader tests, CoberturaReader coverage) {
    this.tests = tests;
    this.coverage = coverage;
  }

  /** The reports of the build folder; folders that are missing give no results. */
  public BuildReport read(Path buildDir) {
    Path shippable = buildDir.resolve("shippable");
    return new BuildReport(
        tests.read(shippable.resolve("testresults")),
        coverage.read(shippable.resolve("codecoverage")));
  }
}
