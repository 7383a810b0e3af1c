package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runCLI runs as runSh; managed job types (with --allow-managed) and runCI jobs are shown as not
 * run by validate, plan and run, and what waits for them is not triggered.
 */
@QuarkusMainTest
class NotRunJobsTest {

  private static final String LINE = "src/test/resources/fixtures/run/notrun";

  @TempDir Path home;

  @Test
  void managedJobsAreErrorsUnlessAllowedThenWarnings(QuarkusMainLauncher launcher) {
    LaunchResult refused = launcher.launch("validate", LINE);
    assertEquals(1, refused.exitCode());
    assertTrue(
        refused.getErrorOutput().contains("error[AL105]: job 'app_manifest' has type 'manifest'"),
        refused.getErrorOutput());
    assertTrue(refused.getErrorOutput().contains("invalid: 1 error, 0 warnings"));

    LaunchResult allowed = launcher.launch("validate", "--allow-managed", LINE);
    assertEquals(0, allowed.exitCode(), allowed.getErrorOutput());
    assertTrue(
        allowed.getErrorOutput().contains("warning[AL105]: job 'app_manifest'"),
        allowed.getErrorOutput());
    assertTrue(allowed.getErrorOutput().contains("(0 errors, 1 warning)"));

    LaunchResult graph = launcher.launch("graph", "--allow-managed", LINE);
    assertEquals(0, graph.exitCode(), graph.getErrorOutput());
    assertTrue(
        graph.getOutput().contains("  app_runCI (runCI, made by Shippable for repository 'app')"),
        graph.getOutput());
    assertTrue(
        graph.getOutput().contains("  app_ciRepo (ciRepo, made by Shippable for repository 'app')"),
        graph.getOutput());
  }

  @Test
  void planShowsWhatIsNotRunAndWhy(QuarkusMainLauncher launcher) throws Exception {
    LaunchResult plan = launcher.launch("plan", "--allow-managed", LINE, "--home", home.toString());
    assertEquals(0, plan.exitCode(), plan.getErrorOutput());
    String out = plan.getOutput();
    assertTrue(out.contains("  app_manifest (manifest, not run: see the notes)"), out);
    assertTrue(out.contains("  cli_job (runCLI)"), out);
    assertTrue(out.contains("JOB_TYPE=runCLI"), out);
    assertFalse(out.contains("after_manifest ("), "nothing triggers it: " + out);
    assertTrue(
        out.contains(
            "'app_runCI' is not run: it is the runCI job Shippable made when repository 'app'"
                + " was enabled for CI"),
        out);
    assertTrue(out.contains("so it does not trigger 'after_ci'"), out);

    LaunchResult json =
        launcher.launch("plan", "--allow-managed", LINE, "--home", home.toString(), "-o", "json");
    JsonNode doc = new ObjectMapper().readTree(json.getOutput());
    assertEquals(3, doc.get("notes").size(), json.getOutput());
    for (JsonNode job : doc.get("jobs")) {
      assertEquals(
          !job.get("name").asText().equals("app_manifest"),
          job.get("runs").asBoolean(),
          job.toString());
    }
  }

  @Test
  void runRunsTheRunCliJobInBashAndSaysWhatItDoesNotRun(QuarkusMainLauncher launcher)
      throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);
    RunHarness.Summary run = shiprun.run(LINE, "--allow-managed");
    assertEquals(0, run.exitCode(), run.describe());
    assertEquals(List.of("cli_job"), run.jobs());
    assertEquals("success", run.status("cli_job"));
    String log = shiprun.log(run.runId("cli_job"));
    assertTrue(log.contains("type=runCLI level=1"), log);
    String err = run.result().getErrorOutput();
    assertTrue(
        err.contains("not run  app_manifest: 'manifest' is a managed Shippable job type"), err);
    assertTrue(err.contains("so it does not trigger 'after_manifest'"), err);
    assertTrue(
        err.contains(
            "waiting  after_ci: for the CI job 'app_runCI' of another repository; only a run of"
                + " that repository's CI makes it"),
        err);
    assertEquals("[\"app_manifest\"]", run.json().get("notRun").toString());
  }

  @Test
  void aCiJobAskedForByNameIsNotRunAndTheRunFails(QuarkusMainLauncher launcher) throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);
    RunHarness.Summary run = shiprun.run(LINE, "--allow-managed", "--job", "app_runCI");
    assertEquals(1, run.exitCode(), run.describe());
    assertEquals(List.of(), run.jobs());
    String err = run.result().getErrorOutput();
    assertTrue(err.contains("not run  app_runCI: it is the runCI job Shippable made"), err);
    assertTrue(err.contains("only a run of that repository's CI runs it"), err);

    RunHarness.Summary reader = shiprun.run(LINE, "--allow-managed", "--job", "after_ci");
    assertEquals(1, reader.exitCode(), reader.describe());
    String reason = reader.run("after_ci").get("reason").asText();
    assertTrue(
        reason.contains(
            "job 'app_runCI' is a runCI job of another repository; only a run of that"
                + " repository's CI makes it"),
        reason);
  }
}
