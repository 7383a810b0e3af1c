package dev.shiprun.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.plan.Plan;
import dev.shiprun.model.plan.PlanRequest;
import dev.shiprun.model.plan.Planner;
import dev.shiprun.model.validate.Validation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the benchmark measures must be a valid, plan-clean line; a correctness check, no timing. */
class GeneratedLineTest {

  @Test
  void generatedLineLoadsWithoutAnyDiagnostic() {
    Validation validation =
        new AssemblyLineLoader().load(new LineGenerator(500).files(), new Diagnostics());
    assertEquals(List.of(), validation.diagnostics());
    assertTrue(validation.valid().isPresent());
  }

  @Test
  void generatedLinePlansEveryJobWithoutAnyDiagnostic() {
    Validation validation =
        new AssemblyLineLoader().load(new LineGenerator(500).files(), new Diagnostics());
    Plan plan =
        new Planner()
            .plan(validation.valid().orElseThrow(), new PlanRequest(List.of(), true, Map.of()));
    assertEquals(List.of(), plan.diagnostics());
    assertEquals(500, plan.jobs().size());
    assertTrue(plan.waves() > 1, "jobs read images built by earlier jobs");
  }

  @Test
  void generatedLineIsTheSameEveryTime() {
    assertEquals(new LineGenerator(100).jobsYaml(), new LineGenerator(100).jobsYaml());
    assertEquals(new LineGenerator(100).resourcesYaml(), new LineGenerator(100).resourcesYaml());
  }
}
