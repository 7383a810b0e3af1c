package dev.shiprun.model.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.validate.ValidPipeline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static final String CHAIN =
      """
      resources:
        - name: src
          type: gitRepo
          pointer: {sourceName: org/app, branch: main}
        - name: app-img
          type: image
          pointer: {sourceName: org/app}
        - name: cfg
          type: params
          version: {params: {A: "1"}}
        - name: notes
          type: state
      jobs:
        - name: build
          type: runSh
          steps:
            - IN: src
            - TASK: {script: [make]}
            - OUT: app-img
        - name: test
          type: runSh
          steps:
            - IN: app-img
            - TASK: {script: [make test]}
        - name: deploy
          type: runSh
          steps:
            - IN: test
            - IN: cfg
              switch: off
            - TASK: {script: [deploy]}
        - name: audit
          type: runSh
          steps:
            - IN: notes
            - TASK: {script: [audit]}
            - OUT: notes
      """;

  private static List<String> names(Plan plan) {
    return plan.jobs().stream().map(j -> j.job().name() + "@" + j.wave()).toList();
  }

  @Test
  void plansWholeLineFromRootsThenWhatTheirVersionsTrigger() {
    Plan plan = new Planner().plan(Lines.valid(CHAIN), new PlanRequest(List.of(), true, Map.of()));
    assertEquals(List.of("build@1", "audit@1", "test@2", "deploy@3"), names(plan));
    assertEquals(3, plan.waves());
    assertFalse(plan.hasErrors());
  }

  @Test
  void manualRunOfOneJobIncludesItsDownstreamJobs() {
    Plan plan =
        new Planner().plan(Lines.valid(CHAIN), new PlanRequest(List.of("test"), true, Map.of()));
    assertEquals(List.of("test@1", "deploy@2"), names(plan));
  }

  @Test
  void noDownstreamPlansOnlyTheNamedJobs() {
    Plan plan =
        new Planner().plan(Lines.valid(CHAIN), new PlanRequest(List.of("test"), false, Map.of()));
    assertEquals(List.of("test@1"), names(plan));
  }

  @Test
  void switchOffInputDoesNotTriggerButStillOrders() {
    Plan plan =
        new Planner().plan(Lines.valid(CHAIN), new PlanRequest(List.of("build"), true, Map.of()));
    assertEquals(List.of("build@1", "test@2", "deploy@3"), names(plan));
    assertTrue(names(plan).stream().noneMatch(n -> n.startsWith("audit")));
  }

  @Test
  void reportsEveryIntegrationThatIsNotDefinedOnce() {
    ValidPipeline line =
        Lines.valid(
            """
            resources:
              - name: img
                type: image
                integration: hub-creds
                pointer: {sourceName: org/app}
                seed: {versionName: "1"}
            jobs:
              - name: a
                type: runSh
                integrations: [hub-creds]
                steps:
                  - IN: img
                  - TASK: {script: [echo]}
            """);
    Plan plan = new Planner().plan(line, new PlanRequest(List.of(), true, Map.of()));
    assertTrue(plan.hasErrors());
    List<Diagnostic> d = plan.diagnostics();
    assertEquals(1, d.size(), d::toString);
    assertEquals(DiagnosticCode.AL120, d.get(0).code());
    assertEquals("integration 'hub-creds' is not defined; job 'a' needs it", d.get(0).message());
    assertEquals(4, d.get(0).at().line());
  }

  @Test
  void readsAndWritesListTheJobsSteps() {
    Plan plan =
        new Planner().plan(Lines.valid(CHAIN), new PlanRequest(List.of("build"), false, Map.of()));
    PlannedJob build = plan.jobs().get(0);
    assertEquals(List.of("src"), build.reads());
    assertEquals(List.of("app-img"), build.writes());
  }
}
