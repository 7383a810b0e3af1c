package dev.shiprun.runner.ci.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The coverage of a build's Cobertura XML reports.
 *
 * @param files how many report files were read (0: no coverage)
 * @param lines line coverage, when the reports give it
 * @param branches branch coverage, when the reports give it (not when no branch was measured)
 * @param notes how the totals were made when the reports do not all give counts
 * @param warnings one line per report file that was skipped
 */
public record CoverageResults(
    int files,
    Optional<CoverageMeasure> lines,
    Optional<CoverageMeasure> branches,
    List<String> notes,
    List<String> warnings) {

  public CoverageResults {
    notes = List.copyOf(notes);
    warnings = List.copyOf(warnings);
  }

  public boolean hasResults() {
    return files > 0;
  }

  /** One line for the console, e.g. {@code coverage: lines 81.3 %, branches 64.0 %}. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    lines.ifPresent(m -> parts.add("lines " + m.percent()));
    branches.ifPresent(m -> parts.add("branches " + m.percent()));
    if (!hasResults()) {
      return "coverage: no report";
    }
    return parts.isEmpty() ? "coverage: no rates" : "coverage: " + String.join(", ", parts);
  }
}
