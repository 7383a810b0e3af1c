package dev.shiprun.model.plan;

import dev.shiprun.model.diagnostic.Diagnostic;
import java.util.List;

/**
 * The jobs a run would execute, in order, the problems found planning it, and notes about the line
 * as a whole: jobs of the line that shiprun does not run (a runCI job, a managed type) and what
 * waits for them, and jobs left out because they need another repository's line.
 */
public record Plan(List<PlannedJob> jobs, List<Diagnostic> diagnostics, List<String> notes) {

  public Plan {
    jobs = List.copyOf(jobs);
    diagnostics = List.copyOf(diagnostics);
    notes = List.copyOf(notes);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public int waves() {
    return jobs.stream().mapToInt(PlannedJob::wave).max().orElse(0);
  }
}
