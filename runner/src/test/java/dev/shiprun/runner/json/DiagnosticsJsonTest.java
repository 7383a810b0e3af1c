package dev.shiprun.runner.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Severity;
import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON form of one diagnostic, as docs/diagnostics.md describes it. */
class DiagnosticsJsonTest {

  @Test
  void aWholeFileProblemHasLineAndColumnZero() {
    ObjectNode json =
        DiagnosticsJson.of(
            new Diagnostic(
                Severity.WARNING,
                DiagnosticCode.AL003,
                "file is empty; it defines no jobs or resources",
                SourceLocation.ofFile("shippable.yml"),
                List.of("add 'resources:' or 'jobs:', or remove the file")));
    assertEquals("shippable.yml", json.get("file").asText());
    assertTrue(json.get("line").isInt(), json.toString());
    assertEquals(0, json.get("line").asInt());
    assertTrue(json.get("column").isInt(), json.toString());
    assertEquals(0, json.get("column").asInt());
  }

  @Test
  void aProblemAtAPositionHasItsLineAndColumn() {
    ObjectNode json =
        DiagnosticsJson.of(
            new Diagnostic(
                Severity.ERROR,
                DiagnosticCode.AL107,
                "job 'deploy' reads unknown resource 'app-imgae'",
                new SourceLocation("shippable.yml", 9, 13),
                List.of()));
    assertEquals(9, json.get("line").asInt());
    assertEquals(13, json.get("column").asInt());
    assertEquals(0, json.get("hints").size());
  }
}
