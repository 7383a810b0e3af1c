package dev.shiprun.runner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticRenderer;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.validate.Validation;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Shows the outcome of loading an assembly line, for people (rendered diagnostics and a summary
 * line) or for machines (JSON). Shared by every command that loads a pipeline.
 *
 * <p>The JSON form: {@code {"valid":false,"errors":1,"warnings":0,"diagnostics":[{"severity":
 * "error","code":"AL107","message":"…","file":"…","line":14,"column":9,"hints":["…"]}]}}; {@code
 * line} and {@code column} are {@code null} for a problem with a whole file.
 */
@Singleton
public class DiagnosticsPrinter {

  /** Builds JSON trees; cheap, unlike an ObjectMapper, which only JSON output pays for. */
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

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
    ObjectNode root = nodes.objectNode();
    root.put("valid", validation.valid().isPresent());
    root.put("errors", validation.errorCount());
    root.put("warnings", validation.warningCount());
    ArrayNode list = root.putArray("diagnostics");
    for (Diagnostic d : validation.diagnostics()) {
      list.add(toJson(d));
    }
    return root;
  }

  /** One diagnostic as the {@code diagnostics} array holds it. */
  public ObjectNode toJson(Diagnostic d) {
    ObjectNode node = nodes.objectNode();
    node.put("severity", d.severity().label());
    node.put("code", d.code().name());
    node.put("message", d.message());
    SourceLocation at = d.at();
    node.put("file", at.file());
    if (at.hasLine()) {
      node.put("line", at.line());
      node.put("column", at.column());
    } else {
      node.putNull("line");
      node.putNull("column");
    }
    ArrayNode hints = node.putArray("hints");
    d.hints().forEach(hints::add);
    return node;
  }

  /**
   * The last line on stderr: {@code valid: 2 jobs, 3 resources (0 errors, 1 warning)} or {@code
   * invalid: 2 errors, 1 warning}.
   */
  public String summary(Validation validation) {
    if (validation.valid().isEmpty()) {
      return "invalid: " + validation.summary();
    }
    return "valid: "
        + plural(validation.pipeline().jobs().size(), "job")
        + ", "
        + plural(validation.pipeline().resources().size(), "resource")
        + " ("
        + validation.summary()
        + ")";
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
