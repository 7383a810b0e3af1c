package dev.shiprun.runner.ci.report;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * One kind of coverage (lines or branches).
 *
 * @param rate the covered share, 0 to 1
 * @param covered how many are covered, when the reports say
 * @param valid how many there are, when the reports say
 */
public record CoverageMeasure(double rate, OptionalLong covered, OptionalLong valid) {

  /** A measure from counts: the rate is recomputed from them. */
  static CoverageMeasure ofCounts(long covered, long valid) {
    return new CoverageMeasure(
        (double) covered / valid, OptionalLong.of(covered), OptionalLong.of(valid));
  }

  /** A measure known only by its rate. */
  static CoverageMeasure ofRate(double rate) {
    return new CoverageMeasure(rate, OptionalLong.empty(), OptionalLong.empty());
  }

  /** The rate as a percentage with one decimal, e.g. {@code 81.3 %}. */
  public String percent() {
    return String.format(Locale.ROOT, "%.1f %%", rate * 100);
  }
}
