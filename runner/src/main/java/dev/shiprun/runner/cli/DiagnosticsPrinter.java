package dev.shiprun.runner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticRenderer;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.json.DiagnosticsJson;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Shows the outcome of loading an assembly line, for people (rendered diagnostics and a summary
 * line) or for machines (JSON). Shared by every command that loads a pipeline.
 *
 * <p>The JSON form is {@link DiagnosticsJson}'s, the same as the daemon's API answers with.
 */
public class DiagnosticsPrinter {

  /** Every diagnostic the way compilers show them, a blank line between them. */
  public void printText(Validation validation, PrintWriter err) {
    DiagnosticRenderer renderer = new DiagnosticRenderer(validation.pipeline().sources());
    for (Diagnostic d : validation.diagnostics()) {
      err.print(renderer.render(d));
      err.println();
    }
    err.flush();
  }

  /** The one JSON object of {@link #toJson}, on one line. */
  public void printJson(Validation validation, PrintWriter out) {
    try {
      out.println(new ObjectMapper().writeValueAsString(toJson(validation)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  /** {@code valid}, {@code errors}, {@code warnings} and {@code diagnostics}; others may add. */
  public ObjectNode toJson(Validation validation) {
    return DiagnosticsJson.of(validation);
  }

  /** One diagnostic as the {@code diagnostics} array holds it. */
  public ObjectNode toJson(Diagnostic d) {
    return DiagnosticsJson.of(d);
  }

  /**
   * The last line on stderr: {@code valid: 2 jobs, 3 resources (0 errors, 1 warning)} or {@code
   * invalid: 2 errors, 1 warning}.
   */
  public String summary(Validation validation) {
    if (validation.valid().isEmpty()) {
      return "invalid: " + validation.summary();
    }
    // A repository's CI counts its runCI job and ciRepo, which its shippable.yml implies.
    boolean ci = validation.pipeline().ci().isPresent();
    var line = validation.valid().get().line();
    return "valid: "
        + plural(ci ? line.jobs().size() : validation.pipeline().jobs().size(), "job")
        + ", "
        + plural(
            ci ? line.resources().size() : validation.pipeline().resources().size(), "resource")
        + " ("
        + validation.summary()
        + ")";
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
