package dev.shiprun.runner.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.daemon.Problem;
import dev.shiprun.runner.json.DiagnosticsJson;

/**
 * 400 for an assembly line whose YAML does not parse (AL001), 422 for one that does not validate:
 * the problem members plus every diagnostic in the CLI's JSON form (file, line, column, code,
 * message, hints), so a client can point at the place as {@code shiprun validate} does.
 */
record InvalidLineProblem(
    String type,
    String title,
    int status,
    String detail,
    long errors,
    long warnings,
    JsonNode diagnostics) {

  static InvalidLineProblem of(String name, Validation validation) {
    boolean syntax =
        validation.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.AL001);
    Problem p =
        Problem.of(
            syntax ? "bad-yaml" : "invalid-line",
            syntax ? "Bad Request" : "Unprocessable Content",
            syntax ? 400 : 422,
            "line '"
                + name
                + "' is invalid ("
                + validation.summary()
                + "); nothing was stored: fix the diagnostics and send it again");
    return new InvalidLineProblem(
        p.type(),
        p.title(),
        p.status(),
        p.detail(),
        validation.errorCount(),
        validation.warningCount(),
        DiagnosticsJson.list(validation.diagnostics()));
  }
}
