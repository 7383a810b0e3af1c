package dev.shiprun.runner.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.validate.Validation;
import java.util.List;

/**
 * The JSON form of diagnostics, one for the CLI's {@code --output json} and the daemon's API:
 * {@code {"valid":false,"errors":1,"warnings":0,"diagnostics":[{"severity":"error","code":"AL107",
 * "message":"…","file":"…","line":14,"column":9,"hints":["…"]}]}}; {@code line} and {@code column}
 * are always numbers, both 0 for a problem with a whole file (lines and columns count from 1).
 * Plain static code (no CDI, no ObjectMapper): building trees is cheap, and a one-shot command pays
 * nothing it does not print.
 */
public final class DiagnosticsJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DiagnosticsJson() {}

  /** {@code valid}, {@code errors}, {@code warnings} and {@code diagnostics}; others may add. */
  public static ObjectNode of(Validation validation) {
    ObjectNode root = NODES.objectNode();
    root.put("valid", validation.valid().isPresent());
    root.put("errors", validation.errorCount());
    root.put("warnings", validation.warningCount());
    root.set("diagnostics", list(validation.diagnostics()));
    return root;
  }

  /** The {@code diagnostics} array of {@code diagnostics}, in their order. */
  public static ArrayNode list(List<Diagnostic> diagnostics) {
    ArrayNode list = NODES.arrayNode();
    diagnostics.forEach(d -> list.add(of(d)));
    return list;
  }

  /** One diagnostic as the {@code diagnostics} array holds it. */
  public static ObjectNode of(Diagnostic d) {
    ObjectNode node = NODES.objectNode();
    node.put("severity", d.severity().label());
    node.put("code", d.code().name());
    node.put("message", d.message());
    SourceLocation at = d.at();
    node.put("file", at.file());
    // Always numbers: 0 is "the whole file", as in SourceLocation (lines count from 1).
    node.put("line", at.line());
    node.put("column", at.column());
    ArrayNode hints = node.putArray("hints");
    d.hints().forEach(hints::add);
    return node;
  }
}
