package dev.shiprun.model.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.validate.ValidPipeline;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.model.validate.ValidationOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jobs shiprun does not run (runCI, managed types) in a plan: shown as such, with a note. */
class NotRunPlanTest {

  private static final String CI_LINE =
      """
      resources:
        - name: params
          type: params
          version: {params: {A: "1"}}
      jobs:
        - name: deploy
          type: runSh
          steps:
            - IN: app_runCI
            - TASK:
                script: echo deploy
        - name: lint
          type: runSh
          steps:
            - IN: params
            - TASK:
                script: echo lint
      """;

  private static final String MANAGED_LINE =
      """
      resources:
        - name: params
          type: params
          version: {params: {A: "1"}}
      jobs:
        - name: app_manifest
          type: manifest
          steps:
            - IN: params
        - name: after
          type: runSh
          steps:
            - IN: app_manifest
            - TASK:
                script: echo after
      """;

  private static ValidPipeline valid(String yaml, boolean allowManaged) {
    Validation v =
        new AssemblyLineLoader()
            .load(
                List.of(new PipelineFile("shippable.yml", yaml.getBytes(StandardCharsets.UTF_8))),
                new Diagnostics(),
                new ValidationOptions(allowManaged));
    assertTrue(v.valid().isPresent(), () -> "fixture must be valid: " + v.diagnostics());
    return v.valid().get();
  }

  private static Plan plan(ValidPipeline valid, List<String> jobs) {
    return new Planner().plan(valid, new PlanRequest(jobs, true, Map.of()));
  }

  private static List<String> names(Plan plan) {
    return plan.jobs().stream().map(j -> j.job().name()).toList();
  }

  @Test
  void theLineIsPlannedWithoutTheCiJobAndWhatWaitsForItAndANoteSaysWhy() {
    Plan plan = plan(valid(CI_LINE, false), List.of());
    assertEquals(List.of("lint"), names(plan));
    assertEquals(2, plan.notes().size(), plan.notes()::toString);
    String note = plan.notes().get(0);
    assertTrue(note.startsWith("'app_runCI' is not run: it is the runCI job Shippable made"), note);
    assertTrue(note.contains("repository 'app' was enabled for CI"), note);
    assertTrue(note.contains("only a run of that repository's CI runs it"), note);
    assertTrue(note.contains("does not trigger 'deploy'"), note);
    String ciRepo = plan.notes().get(1);
    assertTrue(ciRepo.startsWith("'app_ciRepo' has no version: it is the ciRepo resource"), ciRepo);
    assertTrue(ciRepo.endsWith("so it does not trigger 'app_runCI'"), ciRepo);
  }

  @Test
  void aCiJobAskedForIsPlannedAsNotRunAndTriggersNothing() {
    Plan plan = plan(valid(CI_LINE, false), List.of("app_runCI"));
    assertEquals(List.of("app_runCI"), names(plan));
    assertFalse(plan.jobs().get(0).runs());
  }

  @Test
  void aManagedJobAllowedIsPlannedAsNotRunAndTriggersNothing() {
    Plan plan = plan(valid(MANAGED_LINE, true), List.of());
    assertEquals(List.of("app_manifest"), names(plan));
    assertFalse(plan.jobs().get(0).runs());
    assertEquals(
        List.of(
            "'app_manifest' is not run: 'manifest' is a managed Shippable job type that shiprun"
                + " does not run (--allow-managed), so it does not trigger 'after'"),
        plan.notes());
  }
}
