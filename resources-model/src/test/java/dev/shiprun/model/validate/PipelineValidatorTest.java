package dev.shiprun.model.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.Pipelines;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of the rules that the scenario corpus does not pin down line by line. */
class PipelineValidatorTest {

  @Test
  void acceptsStateResourceAsInAndOutOfTheSameJob() {
    Validation v =
        Pipelines.load(
            """
            resources:
              - name: cache
                type: state
            jobs:
              - name: build
                type: runSh
                steps:
                  - IN: cache
                  - TASK:
                      script: make
                  - OUT: cache
            """);
    assertEquals(List.of(), Pipelines.headlines(v));
    assertTrue(v.valid().isPresent());
  }

  @Test
  void rejectsJobThatReadsAndWritesANonStateResourceOnceNotAlsoAsACycle() {
    Validation v =
        Pipelines.load(
            """
            resources:
              - name: ver
                type: version
                versionTemplate: {versionName: "1.0.0"}
            jobs:
              - name: bump
                type: runSh
                steps:
                  - IN: ver
                  - TASK:
                      script: bump
                  - OUT: ver
            """);
    assertEquals(
        List.of(DiagnosticCode.AL108), v.diagnostics().stream().map(d -> d.code()).toList());
  }

  @Test
  void warningsAloneLeaveTheLineValid() {
    Validation v =
        Pipelines.load(
            """
            resources:
              - name: 7-params
                type: params
                versionTemplate: {params: {A: 1}}
            jobs:
              - name: gate
                type: runSh
                steps:
                  - IN: 7-params
            """);
    assertEquals(0, v.errorCount());
    assertEquals(2, v.warningCount(), () -> Pipelines.render(v));
    assertTrue(v.valid().isPresent());
    assertEquals(v.diagnostics(), v.valid().get().warnings());
    assertEquals("0 errors, 2 warnings", v.summary());
  }

  @Test
  void rejectsJobThatReadsUnknownResource() {
    Validation v =
        Pipelines.load(
            """
            resources:
              - name: app-image
                type: image
                versionTemplate: {sourceName: a/b, versionName: "1"}
            jobs:
              - name: deploy
                type: runSh
                steps:
                  - IN: app-imgae
                  - TASK:
                      script: deploy
            """);
    assertEquals(
        List.of(
            "shippable.yml:9:13: error[AL107]: job 'deploy' reads unknown resource 'app-imgae'"),
        Pipelines.headlines(v));
    assertEquals(
        List.of("did you mean 'app-image'? (defined at shippable.yml:2:5)"),
        v.diagnostics().get(0).hints());
    assertTrue(v.valid().isEmpty());
  }

  @Test
  void jobMayReadAnotherJobAndTriggerOneThroughOut() {
    Validation v =
        Pipelines.load(
            """
            jobs:
              - {name: a, type: runSh, steps: [{TASK: {script: a}}, {OUT: c}]}
              - {name: b, type: runSh, steps: [{IN: a}, {TASK: {script: b}}]}
              - {name: c, type: runSh, steps: [{TASK: {script: c}}]}
            """);
    assertEquals(List.of(), Pipelines.headlines(v));
  }

  @Test
  void namesThatLoseEverythingStillCollideWithinAJob() {
    Validation v =
        Pipelines.load(
            """
            resources:
              - {name: "2024", type: state}
              - {name: "--", type: state}
            jobs:
              - {name: j, type: runSh, steps: [{IN: "2024"}, {IN: "--"}, {TASK: {script: ls}}]}
            """);
    assertTrue(
        v.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.AL113),
        () -> Pipelines.render(v));
  }
}
