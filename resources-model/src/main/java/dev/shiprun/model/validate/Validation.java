package dev.shiprun.model.validate;

import dev.shiprun.model.Pipeline;
import dev.shiprun.model.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of loading and validating an assembly line: the pipeline as read, the valid line when
 * there were no errors, and every diagnostic (parse and validation) in position order.
 */
public record Validation(
    Pipeline pipeline, Optional<ValidPipeline> valid, List<Diagnostic> diagnostics) {

  public Validation {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(valid, "valid");
    diagnostics = List.copyOf(diagnostics);
  }

  public long errorCount() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  public long warningCount() {
    return diagnostics.size() - errorCount();
  }

  /** "2 errors, 1 warning" — the summary line of {@code shiprun validate}. */
  public String summary() {
    return plural(errorCount(), "error") + ", " + plural(warningCount(), "warning");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
