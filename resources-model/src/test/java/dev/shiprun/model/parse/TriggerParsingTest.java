package dev.shiprun.model.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.Pipelines;
import dev.shiprun.model.Resource;
import dev.shiprun.model.TriggerResource;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.validate.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Triggers: the old {@code triggers:} list (shippable.triggers.yml) and {@code type: trigger}. */
class TriggerParsingTest {

  private static final String JOBS =
      """
      jobs:
        - name: deploy
          type: runSh
          steps:
            - IN: deploy-now
            - TASK:
                - script: echo deploying
      """;

  private static Validation lineOf(String triggers) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("shippable.triggers.yml", triggers);
    files.put("shippable.jobs.yml", JOBS);
    return Pipelines.load(files);
  }

  @Test
  void anEntryOfTriggersIsATriggerResourceAJobMayRead() {
    Validation v =
        lineOf(
            """
            triggers:
              - name: deploy-now
                type: trigger
                version:
                  counter: 1
            """);
    assertEquals(List.of(), v.diagnostics(), () -> Pipelines.render(v));
    Resource r = v.pipeline().resources().get(0);
    assertInstanceOf(TriggerResource.class, r);
    assertEquals("trigger", r.type());
    assertEquals("shippable.triggers.yml", r.at().file());
    assertEquals(2, r.at().line());
    assertTrue(r.definition().definesVersion());
    assertTrue(v.valid().orElseThrow().line().triggeredByResource("deploy-now").size() == 1);
  }

  @Test
  void aTriggerUnderResourcesIsTheSame() {
    Validation v =
        Pipelines.load(
            """
            resources:
              - name: deploy-now
                type: trigger
                version:
                  message: 'deploy to test'
            """
                + JOBS);
    assertEquals(List.of(), v.diagnostics(), () -> Pipelines.render(v));
    assertInstanceOf(TriggerResource.class, v.pipeline().resources().get(0));
  }

  @Test
  void anEntryOfTriggersWithoutATypeIsATrigger() {
    Validation v = lineOf("triggers:\n  - name: deploy-now\n    version: {counter: 3}\n");
    assertEquals(List.of(), v.diagnostics(), () -> Pipelines.render(v));
    assertInstanceOf(TriggerResource.class, v.pipeline().resources().get(0));
  }

  @Test
  void anotherTypeUnderTriggersIsAnErrorAtTheType() {
    Validation v = lineOf("triggers:\n  - name: deploy-now\n    type: image\n");
    Diagnostic d = only(v, DiagnosticCode.AL011);
    assertTrue(d.isError());
    assertEquals(3, d.at().line());
    assertEquals(11, d.at().column());
    assertTrue(d.message().contains("resource 'deploy-now' is under 'triggers:'"), d.message());
    // Still read as a trigger: the job that reads it is not refused as well.
    assertTrue(
        v.diagnostics().stream().noneMatch(x -> x.code() == DiagnosticCode.AL107),
        () -> Pipelines.render(v));
  }

  @Test
  void aCounterOrMessageThatIsNotOneValueIsAWrongShapeWhereItIsWritten() {
    Validation v =
        lineOf(
            """
            triggers:
              - name: deploy-now
                type: trigger
                version:
                  counter: [1, 2]
            """);
    Diagnostic d = only(v, DiagnosticCode.AL008);
    assertTrue(d.isError());
    assertEquals(5, d.at().line());
    assertTrue(d.message().contains("'counter' in 'version' of resource 'deploy-now'"));
  }

  @Test
  void aCounterThatIsNotANumberAndAnUnknownKeyAreWarnings() {
    Validation v =
        lineOf(
            """
            triggers:
              - name: deploy-now
                type: trigger
                version:
                  counter: two
                  count: 3
            """);
    assertEquals(0, v.errorCount(), () -> Pipelines.render(v));
    Diagnostic counter = only(v, DiagnosticCode.AL011);
    assertEquals(5, counter.at().line());
    Diagnostic unknown = only(v, DiagnosticCode.AL010);
    assertEquals(6, unknown.at().line());
    assertTrue(String.join(" ", unknown.hints()).contains("counter"), unknown.toString());
  }

  @Test
  void triggersThatIsNotAListIsAWrongShape() {
    Validation v = lineOf("triggers:\n  name: deploy-now\n");
    Diagnostic d = only(v, DiagnosticCode.AL008);
    assertEquals(2, d.at().line());
    assertTrue(String.join(" ", d.hints()).contains("each trigger"), d.toString());
  }

  private static Diagnostic only(Validation v, DiagnosticCode code) {
    List<Diagnostic> found = v.diagnostics().stream().filter(d -> d.code() == code).toList();
    assertEquals(1, found.size(), () -> Pipelines.render(v));
    return found.get(0);
  }
}
