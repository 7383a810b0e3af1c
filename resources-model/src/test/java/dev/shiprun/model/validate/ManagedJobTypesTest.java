package dev.shiprun.model.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.Job;
import dev.shiprun.model.Pipelines;
import dev.shiprun.model.RunShJob;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Severity;
import dev.shiprun.model.env.BuildInfo;
import dev.shiprun.model.env.EnvVar;
import dev.shiprun.model.env.JobEnvPlanner;
import dev.shiprun.model.load.AssemblyLineLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shippable's managed job types (spec §9): runCLI runs as runSh, the others are not run. */
class ManagedJobTypesTest {

  private static final Path INVALID = Path.of("..", "src", "scenarios", "invalid");

  @ParameterizedTest
  @ValueSource(strings = {"al105-manifest-and-deploy", "al105-release", "al105-provision"})
  void allowManagedTurnsEachManagedJobIntoOneWarningAndTheLineIsValid(String scenario) {
    Path dir = INVALID.resolve(scenario);
    Validation refused = new AssemblyLineLoader().load(List.of(dir));
    Validation allowed = new AssemblyLineLoader().load(List.of(dir), new ValidationOptions(true));

    assertTrue(refused.valid().isEmpty());
    assertTrue(allowed.valid().isPresent(), () -> Pipelines.render(allowed));
    assertEquals(refused.diagnostics().size(), allowed.diagnostics().size());
    for (Diagnostic d : allowed.diagnostics()) {
      assertEquals(DiagnosticCode.AL105, d.code());
      assertEquals(Severity.WARNING, d.severity());
      assertTrue(d.message().contains("--allow-managed"), d.message());
    }
  }

  @Test
  void unknownTypeStaysAnErrorWithAllowManaged() {
    Validation v =
        new AssemblyLineLoader()
            .load(
                List.of(INVALID.resolve("al103-al104-al105-unknown-and-managed-types")),
                new ValidationOptions(true));
    assertEquals(
        List.of(DiagnosticCode.AL103, DiagnosticCode.AL104, DiagnosticCode.AL105),
        v.diagnostics().stream().map(Diagnostic::code).toList());
    assertEquals(2, v.errorCount());
  }

  @Test
  void runCliIsReadAsRunShAndKeepsItsTypeForJobType() {
    Validation v =
        Pipelines.loadValid(
            """
            resources:
              - name: aws_cli
                type: cliConfig
                integration: aws_keys
                pointer: {region: us-east-1}
            jobs:
              - name: cli_job
                type: runCLI
                steps:
                  - IN: aws_cli
                  - TASK:
                    - script: aws s3 ls
            """);
    assertEquals(List.of(), Pipelines.headlines(v));
    Job job = v.valid().get().line().job("cli_job").orElseThrow();
    assertInstanceOf(RunShJob.class, job);
    assertEquals("runCLI", job.type());
    assertEquals(1, job.tasks().size());
    List<EnvVar> env =
        new JobEnvPlanner()
            .session(v.valid().get().line(), name -> java.util.Optional.empty(), Map.of())
            .plan(job, new BuildInfo("/build", "1", "1", "manual"))
            .variables();
    assertTrue(
        env.stream()
            .anyMatch(e -> e.name().equals("JOB_TYPE") && e.value().display().equals("runCLI")),
        env::toString);
  }
}
