package dev.shiprun.runner.ci.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildReportTest {

  @TempDir Path dir;

  @Test
  void summaryGivesTestsAndCoverageOnOneLine() {
    TestResults tests =
        new TestResults(3, 46, 1, 0, 3, Duration.ofMillis(1234), List.of(), List.of());
    CoverageResults coverage =
        new CoverageResults(
            1,
            Optional.of(CoverageMeasure.ofCounts(813, 1000)),
            Optional.of(CoverageMeasure.ofRate(0.64)),
            List.of(),
            List.of());

    assertEquals(
        "tests: 42 passed, 1 failed, 0 errors, 3 skipped in 1.2 s; coverage: lines 81.3 %, branches 64.0 %",
        new BuildReport(tests, coverage).summary());
  }

  @Test
  void longRunsAreGivenInMinutes() {
    TestResults tests =
        new TestResults(1, 1, 0, 0, 0, Duration.ofSeconds(125), List.of(), List.of());

    assertEquals("tests: 1 passed, 0 failed, 0 errors, 0 skipped in 2 min 05 s", tests.summary());
  }

  @Test
  void readsBothFoldersOfABuildFolder() throws IOException {
    Path shippable = dir.resolve("shippable");
    Files.createDirectories(shippable.resolve("testresults"));
    Files.createDirectories(shippable.resolve("codecoverage"));
    Files.writeString(shippable.resolve("testresults/junit.xml"), JUnitReaderTest.JEST);
    Files.writeString(shippable.resolve("testresults/bad.xml"), "<testsuite>");
    Files.writeString(shippable.resolve("codecoverage/coverage.xml"), CoberturaReaderTest.ISTANBUL);

    BuildReport report = new BuildReportReader().read(dir);

    assertEquals(
        "tests: 2 passed, 1 failed, 0 errors, 0 skipped in 0.2 s; coverage: lines 75.0 %, branches 40.0 %",
        report.summary());
    assertEquals(1, report.warnings().size(), report.warnings().toString());
    assertEquals(
        "test results file bad.xml",
        report.warnings().get(0).substring(0, "test results file bad.xml".length()));
  }

  @Test
  void buildWithoutReportsSaysSo() {
    BuildReport report = new BuildReportReader().read(dir);

    assertEquals("tests: no results; coverage: no report", report.summary());
    assertEquals(List.of(), report.warnings());
  }
}
