package dev.shiprun.model.parse;

import dev.shiprun.model.Pipeline;
import dev.shiprun.model.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;

/** What parsing produced: the pipeline as far as it could be read, and every problem found. */
public record ParseResult(Pipeline pipeline, List<Diagnostic> diagnostics) {

  public ParseResult {
    Objects.requireNonNull(pipeline, "pipeline");
    diagnostics = List.copyOf(diagnostics);
  }
}
