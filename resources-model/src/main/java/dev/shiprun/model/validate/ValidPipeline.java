package dev.shiprun.model.validate;

import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.graph.AssemblyLine;
import java.util.List;
import java.util.Objects;

/**
 * An assembly line that passed validation: no errors, only warnings. Only the validator makes one,
 * so nothing unvalidated reaches planning or bash.
 */
public final class ValidPipeline {

  private final AssemblyLine line;
  private final List<Diagnostic> warnings;

  ValidPipeline(AssemblyLine line, List<Diagnostic> warnings) {
    this.line = Objects.requireNonNull(line, "line");
    this.warnings = List.copyOf(warnings);
  }

  public AssemblyLine line() {
    return line;
  }

  public List<Diagnostic> warnings() {
    return warnings;
  }
}
