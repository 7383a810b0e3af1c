package dev.shiprun.model.plan;

import dev.shiprun.model.diagnostic.Diagnostic;
import java.util.List;

/** The jobs a run would execute, in order, and the problems found planning it. */
public record Plan(List<PlannedJob> jobs, List<Diagnostic> diagnostics) {

  public Plan {
    jobs = List.copyOf(jobs);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public int waves() {
    return jobs.stream().mapToInt(PlannedJob::wave).max().orElse(0);
  }
}
