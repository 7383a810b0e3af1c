package dev.shiprun.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.RunCiJob;
import dev.shiprun.model.ci.Matrix;
import dev.shiprun.model.ci.RepositoryCi;
import dev.shiprun.model.ci.RepositoryName;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.plan.NotRun;
import dev.shiprun.model.plan.Plan;
import dev.shiprun.model.plan.PlanRequest;
import dev.shiprun.model.plan.PlannedJob;
import dev.shiprun.model.plan.Planner;
import dev.shiprun.model.validate.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI keys of the shippable.yml at the root of a folder given make the line's runCI job. */
class RepositoryCiTest {

  private static final String CI =
      """
      language: node_js
      node_js:
        - "18"
        - "20"
      env:
        - A=1
        - A=2
        - A=3
      build:
        ci:
          - npm test
      """;

  @TempDir Path dir;

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static AssemblyLine valid(Validation validation) {
    return validation
        .valid()
        .orElseThrow(() -> new AssertionError(validation.diagnostics()))
        .line();
  }

  @Test
  void aRootShippableYmlWithCiKeysGivesTheLineItsRunCiJobAndCiRepo() throws IOException {
    write("app/shippable.yml", CI);
    AssemblyLine line = valid(new AssemblyLineLoader().load(List.of(dir.resolve("app"))));
    RepositoryCi ci = line.pipeline().ci().orElseThrow();
    assertEquals("app", ci.repository());
    assertEquals(dir.resolve("app").toString(), ci.file().replace("/shippable.yml", ""));
    assertEquals(1, ci.at().line());
    RunCiJob runCi = assertInstanceOf(RunCiJob.class, line.job("app_runCI").orElseThrow());
    assertEquals(6, Matrix.expand(runCi.ci().orElseThrow()).size());
    assertEquals(List.of("app_ciRepo"), runCi.ins().stream().map(InStep::name).toList());
    assertEquals("ciRepo", line.resource("app_ciRepo").orElseThrow().type());
    assertTrue(runCi.runByShiprun());
    assertTrue(NotRun.why(line, runCi).isEmpty());
    assertTrue(NotRun.noVersion(line, line.resource("app_ciRepo").get()).isEmpty());
    assertTrue(line.implied("app_runCI").orElseThrow().why().contains("builds the CI section"));
  }

  @Test
  void planShowsTheRunCiJobAsARootWithItsMatrixSize() throws IOException {
    write("app/shippable.yml", CI);
    Validation validation = new AssemblyLineLoader().load(List.of(dir.resolve("app")));
    Plan plan =
        new Planner()
            .plan(
                validation.valid().orElseThrow(),
                new PlanRequest(List.of(), true, java.util.Map.of()));
    PlannedJob job =
        plan.jobs().stream()
            .filter(j -> j.job().name().equals("app_runCI"))
            .findFirst()
            .orElseThrow();
    assertTrue(job.runs());
    assertEquals(List.of("builds 6 matrix jobs (node_js 18, 20)"), job.notes());
    assertTrue(plan.notes().isEmpty(), plan.notes().toString());
  }

  @Test
  void aDeclaredRunCiJobGetsTheConfigAndKeepsItsInsAndOuts() throws IOException {
    write(
        "app/shippable.yml",
        CI
            + """
            resources:
              - name: app_img
                type: image
                versionTemplate:
                  sourceName: example/app
                  versionName: latest
              - name: app_params
                type: params
                versionTemplate:
                  params:
                    X: "1"
            jobs:
              - name: app_runCI
                type: runCI
                steps:
                  - IN: app_params
                  - OUT: app_img
              - name: deploy
                type: runSh
                steps:
                  - IN: app_runCI
                  - TASK:
                      script: echo deploy
            """);
    AssemblyLine line = valid(new AssemblyLineLoader().load(List.of(dir.resolve("app"))));
    Job runCi = line.job("app_runCI").orElseThrow();
    assertTrue(((RunCiJob) runCi).ci().isPresent());
    assertEquals(
        List.of("app_ciRepo", "app_params"), runCi.ins().stream().map(InStep::name).toList());
    assertEquals(List.of("app_img"), runCi.outs().stream().map(OutStep::name).toList());
    assertEquals(List.of("deploy"), line.triggeredBy(runCi).stream().map(Job::name).toList());
    assertFalse(line.implied("app_runCI").isPresent());
  }

  @Test
  void anotherRepositorysRunCiJobStaysWithoutConfig() throws IOException {
    write(
        "app/shippable.yml",
        CI
            + """
            jobs:
              - name: deploy
                type: runSh
                steps:
                  - IN: lib_runCI
                  - TASK:
                      script: echo deploy
            """);
    AssemblyLine line = valid(new AssemblyLineLoader().load(List.of(dir.resolve("app"))));
    RunCiJob lib = (RunCiJob) line.job("lib_runCI").orElseThrow();
    assertTrue(lib.ci().isEmpty());
    assertFalse(lib.runByShiprun());
    assertTrue(NotRun.why(line, lib).orElseThrow().contains("run shiprun in that repository"));
    assertTrue(((RunCiJob) line.job("app_runCI").orElseThrow()).ci().isPresent());
  }

  @Test
  void ciKeysOfAShippableYmlBelowTheRootAreNotRead() throws IOException {
    write(
        "app/shippable.yml",
        "jobs:\n  - name: a\n    type: runSh\n    steps:\n      - TASK:\n          script: echo a\n");
    write("app/sub/shippable.yml", CI);
    AssemblyLine line = valid(new AssemblyLineLoader().load(List.of(dir.resolve("app"))));
    assertTrue(line.pipeline().ci().isEmpty());
    assertTrue(line.job("app_runCI").isEmpty());
    assertTrue(line.job("sub_runCI").isEmpty());
  }

  @Test
  void twoRootsWithCiKeysAreOneErrorNamingBoth() throws IOException {
    write("app/shippable.yml", CI);
    write("lib/shippable.yml", CI);
    Validation validation =
        new AssemblyLineLoader().load(List.of(dir.resolve("app"), dir.resolve("lib")));
    assertTrue(validation.valid().isEmpty());
    List<Diagnostic> errors =
        validation.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(DiagnosticCode.AL126, errors.get(0).code());
    assertTrue(errors.get(0).message().contains("app/shippable.yml"));
    assertTrue(errors.get(0).message().contains("lib/shippable.yml"));
    assertTrue(errors.get(0).at().file().endsWith("lib/shippable.yml"));
  }

  @Test
  void problemsOfTheCiKeysAreTheLinesWithTheirPosition() throws IOException {
    write("app/shippable.yml", "language: node_js\nbuild:\n  pre_ci_boot: [1]\n");
    Validation validation = new AssemblyLineLoader().load(List.of(dir.resolve("app")));
    Diagnostic d =
        validation.diagnostics().stream()
            .filter(x -> x.at().line() == 3)
            .findFirst()
            .orElseThrow(() -> new AssertionError(validation.diagnostics()));
    assertTrue(d.at().file().endsWith("app/shippable.yml"));
    assertEquals(16, d.at().column());
  }

  @Test
  void theRepositoryIsNamedAsTheCallerSays() throws IOException {
    write("app/shippable.yml", CI);
    AssemblyLine line =
        valid(
            new AssemblyLineLoader()
                .namingRepositories(folder -> "shop")
                .load(List.of(dir.resolve("app"))));
    assertTrue(line.job("shop_runCI").isPresent());
    assertTrue(line.resource("shop_ciRepo").isPresent());
  }

  @Test
  void aLineWithoutCiKeysHasNoCi() throws IOException {
    write(
        "app/shippable.yml",
        "jobs:\n  - name: a\n    type: runSh\n    steps:\n      - TASK:\n          script: echo a\n");
    AssemblyLine line = valid(new AssemblyLineLoader().load(List.of(dir.resolve("app"))));
    assertTrue(line.pipeline().ci().isEmpty());
    assertEquals(List.of("a"), line.jobs().stream().map(Job::name).toList());
  }

  @Test
  void repositoryNamesKeepWhatAJobNameKeeps() {
    assertEquals("app", RepositoryName.ofUrl("git@github.com:org/app.git"));
    assertEquals("my-app.js", RepositoryName.ofUrl("https://example.com/org/my-app.js.git/"));
    assertEquals("app", RepositoryName.ofUrl("/srv/git/app"));
    assertEquals("my_app", RepositoryName.sanitise("my app"));
    assertEquals("repo", RepositoryName.sanitise("  "));
    assertEquals("app", RepositoryName.ofFolder(Path.of("/tmp/x/app")));
  }
}
