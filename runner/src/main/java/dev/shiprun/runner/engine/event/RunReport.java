package dev.shiprun.runner.engine.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A run's report read in the shape a CI build gives it: {@code matrix} (one entry per matrix job,
 * with its {@code number}, {@code status}, {@code allowFailure}, {@code tests} counts and {@code
 * failedTests}, {@code coverage} and {@code warnings}), and the totals {@code tests} and {@code
 * coverage} over all matrix jobs. Keys a report leaves out are unknown, never zero.
 */
public final class RunReport {

  /** The counts of {@code tests}, in the order the report and the console give them. */
  static final List<String> COUNTS = List.of("total", "passed", "failed", "errors", "skipped");

  /** One failed test: its suite (class) and name, and the first words of why. */
  public record FailedTest(String suite, String name, String message) {}

  /**
   * One matrix job's part of the report.
   *
   * @param tests the counts by name ({@link #COUNTS}); empty when the job left no test results
   * @param lines line coverage in percent, when known
   * @param branches branch coverage in percent, when known
   * @param reason why it did not succeed, when it says
   */
  public record MatrixJob(
      String number,
      String status,
      boolean allowFailure,
      Map<String, Long> tests,
      List<FailedTest> failedTests,
      OptionalDouble lines,
      OptionalDouble branches,
      List<String> warnings,
      Optional<String> reason) {}

  private final Map<String, Object> report;

  public RunReport(Map<String, Object> report) {
    this.report = report;
  }

  public List<MatrixJob> matrix() {
    List<MatrixJob> out = new ArrayList<>();
    for (Object entry : list(report.get("matrix"))) {
      if (entry instanceof Map<?, ?> job) {
        Map<?, ?> tests = map(job.get("tests"));
        Map<?, ?> coverage = map(job.get("coverage"));
        List<FailedTest> failed = new ArrayList<>();
        for (Object f : list(tests.get("failedTests"))) {
          Map<?, ?> test = map(f);
          failed.add(
              new FailedTest(
                  text(test.get("suite")), text(test.get("name")), text(test.get("message"))));
        }
        out.add(
            new MatrixJob(
                text(job.get("number")),
                text(job.get("status")),
                Boolean.TRUE.equals(job.get("allowFailure")),
                counts(tests),
                failed,
                percent(coverage.get("lines")),
                percent(coverage.get("branches")),
                list(job.get("warnings")).stream().map(RunReport::text).toList(),
                Optional.ofNullable(job.get("reason")).map(RunReport::text)));
      }
    }
    return out;
  }

  /** The counts over all matrix jobs: the report's own, else the sum of its jobs'. */
  public Map<String, Long> tests() {
    Map<String, Long> given = counts(map(report.get("tests")));
    return given.isEmpty() ? sum(matrix()) : given;
  }

  /** Line coverage over all matrix jobs: the report's own, else its jobs' mean. */
  public OptionalDouble lines() {
    return coverage("lines", MatrixJob::lines);
  }

  /** Branch coverage over all matrix jobs: the report's own, else its jobs' mean. */
  public OptionalDouble branches() {
    return coverage("branches", MatrixJob::branches);
  }

  private OptionalDouble coverage(String key, Function<MatrixJob, OptionalDouble> ofJob) {
    OptionalDouble given = percent(map(report.get("coverage")).get(key));
    return given.isPresent()
        ? given
        : matrix().stream()
            .map(ofJob)
            .filter(OptionalDouble::isPresent)
            .mapToDouble(OptionalDouble::getAsDouble)
            .average();
  }

  /**
   * The report with its totals over all matrix jobs ({@code tests}, {@code coverage}) where it
   * gives none and its jobs give some; coverage over all is the mean of the jobs' (every matrix job
   * builds the same code). A report without a matrix is returned as it is.
   */
  public Map<String, Object> withTotals() {
    if (!(report.get("matrix") instanceof List<?>)) {
      return report;
    }
    Map<String, Object> out = new LinkedHashMap<>(report);
    Map<String, Long> tests = tests();
    if (!report.containsKey("tests") && !tests.isEmpty()) {
      out.put("tests", new LinkedHashMap<String, Object>(tests));
    }
    if (!report.containsKey("coverage")) {
      Map<String, Object> coverage = new LinkedHashMap<>();
      lines().ifPresent(p -> coverage.put("lines", round(p)));
      branches().ifPresent(p -> coverage.put("branches", round(p)));
      if (!coverage.isEmpty()) {
        out.put("coverage", coverage);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** {@code 12 tests, 1 failed, 2 errors, 1 skipped}; errors only when there are some. */
  public static String describe(Map<String, Long> tests) {
    if (tests.isEmpty()) {
      return "no test results";
    }
    StringBuilder out = new StringBuilder();
    out.append(counted(tests.getOrDefault("total", 0L), "test"));
    out.append(", ").append(tests.getOrDefault("failed", 0L)).append(" failed");
    long errors = tests.getOrDefault("errors", 0L);
    if (errors > 0) {
      out.append(", ").append(counted(errors, "error"));
    }
    out.append(", ").append(tests.getOrDefault("skipped", 0L)).append(" skipped");
    return out.toString();
  }

  private static String counted(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static Map<String, Long> sum(List<MatrixJob> jobs) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (MatrixJob job : jobs) {
      job.tests().forEach((name, n) -> out.merge(name, n, Long::sum));
    }
    return out;
  }

  private static Map<String, Long> counts(Map<?, ?> tests) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String name : COUNTS) {
      if (tests.get(name) instanceof Number n) {
        out.put(name, n.longValue());
      }
    }
    return out;
  }

  /** Tenths of a percent: what the console shows, and what a mean is kept to. */
  private static double round(double percent) {
    return Math.round(percent * 10) / 10.0;
  }

  private static OptionalDouble percent(Object value) {
    return value instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  private static String text(Object value) {
    return Optional.ofNullable(value).map(String::valueOf).orElse("");
  }
}
