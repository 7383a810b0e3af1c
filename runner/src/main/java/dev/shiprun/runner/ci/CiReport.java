package dev.shiprun.runner.ci;

import dev.shiprun.runner.ci.report.BuildReport;
import dev.shiprun.runner.ci.report.CoverageMeasure;
import dev.shiprun.runner.ci.report.CoverageResults;
import dev.shiprun.runner.ci.report.FailedTest;
import dev.shiprun.runner.ci.report.TestResults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A CI build's report as plain values (what the store, {@code --output json} and the API show):
 * {@code matrix}, one entry per job, and the {@code tests} and {@code coverage} over all jobs. A
 * key is left out when nothing is known for it (no report files: no {@code tests}).
 */
final class CiReport {

  private CiReport() {}

  /** One matrix job's facts, as the build's report lists it. */
  record Job(
      String number,
      MatrixStatus status,
      boolean allowFailure,
      String env,
      Optional<String> version,
      Optional<String> image,
      Duration duration,
      Optional<BuildReport> report,
      Optional<String> reason) {}

  /** The report of a build of {@code jobs}, in their order. */
  static Map<String, Object> of(List<Job> jobs) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> matrix = new ArrayList<>();
    List<TestResults> tests = new ArrayList<>();
    List<CoverageResults> coverage = new ArrayList<>();
    for (Job job : jobs) {
      matrix.add(entry(job));
      job.report().ifPresent(r -> tests.add(r.tests()));
      job.report().ifPresent(r -> coverage.add(r.coverage()));
    }
    out.put("matrix", matrix);
    totals(tests).ifPresent(t -> out.put("tests", t));
    coverage(coverage).ifPresent(c -> out.put("coverage", c));
    return out;
  }

  static Map<String, Object> entry(Job job) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("number", job.number());
    e.put("status", job.status().word());
    e.put("allowFailure", job.allowFailure());
    e.put("env", job.env());
    job.version().ifPresent(v -> e.put("version", v));
    job.image().ifPresent(i -> e.put("image", i));
    e.put("durationMs", job.duration().toMillis());
    job.reason().ifPresent(r -> e.put("reason", r));
    if (job.report().isPresent()) {
      BuildReport r = job.report().get();
      totals(List.of(r.tests())).ifPresent(t -> e.put("tests", t));
      coverage(List.of(r.coverage())).ifPresent(c -> e.put("coverage", c));
      if (!r.warnings().isEmpty()) {
        e.put("warnings", r.warnings());
      }
    }
    return e;
  }

  private static Optional<Map<String, Object>> totals(List<TestResults> all) {
    List<TestResults> read = all.stream().filter(TestResults::hasResults).toList();
    if (read.isEmpty()) {
      return Optional.empty();
    }
    int total = 0;
    int passed = 0;
    int failed = 0;
    int errors = 0;
    int skipped = 0;
    Duration duration = Duration.ZERO;
    List<Map<String, Object>> failedTests = new ArrayList<>();
    for (TestResults t : read) {
      total += t.tests();
      passed += t.passed();
      failed += t.failures();
      errors += t.errors();
      skipped += t.skipped();
      duration = duration.plus(t.duration());
      t.failed().forEach(f -> failedTests.add(failedTest(f)));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", total);
    m.put("passed", passed);
    m.put("failed", failed);
    m.put("errors", errors);
    m.put("skipped", skipped);
    m.put("durationMs", duration.toMillis());
    m.put("failedTests", failedTests);
    return Optional.of(m);
  }

  /** {@code suite} is the test's class, the part of its name before the last dot. */
  private static Map<String, Object> failedTest(FailedTest f) {
    int dot = f.name().lastIndexOf('.');
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("suite", dot < 0 ? "" : f.name().substring(0, dot));
    m.put("name", dot < 0 ? f.name() : f.name().substring(dot + 1));
    m.put("message", f.message());
    return m;
  }

  private static Optional<Map<String, Object>> coverage(List<CoverageResults> all) {
    List<CoverageResults> read = all.stream().filter(CoverageResults::hasResults).toList();
    Map<String, Object> m = new LinkedHashMap<>();
    percent(read, CoverageResults::lines).ifPresent(p -> m.put("lines", p));
    percent(read, CoverageResults::branches).ifPresent(p -> m.put("branches", p));
    return m.isEmpty() ? Optional.empty() : Optional.of(m);
  }

  /**
   * The share over every report that measured it, as a percentage with one decimal: from the counts
   * when every report gives them, else the mean of the rates.
   */
  private static Optional<Double> percent(
      List<CoverageResults> read, Function<CoverageResults, Optional<CoverageMeasure>> kind) {
    List<CoverageMeasure> measures = read.stream().map(kind).flatMap(Optional::stream).toList();
    if (measures.isEmpty()) {
      return Optional.empty();
    }
    double rate;
    if (measures.stream().allMatch(m -> m.covered().isPresent() && m.valid().isPresent())) {
      long covered = measures.stream().mapToLong(m -> m.covered().getAsLong()).sum();
      long valid = measures.stream().mapToLong(m -> m.valid().getAsLong()).sum();
      rate = valid == 0 ? 0 : (double) covered / valid;
    } else {
      rate = measures.stream().mapToDouble(CoverageMeasure::rate).average().orElse(0);
    }
    return Optional.of(Math.round(rate * 1000) / 10.0);
  }
}
