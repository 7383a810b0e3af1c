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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two repositories of one subscription: repo-b's jobs read names repo-a defines. Together they are
 * one line; alone, repo-b names them in shippable.shiprun.yml (or --external) and validates, while
 * plan and run say that its jobs that read them need repo-a.
 */
@QuarkusMainTest
class ExternalNamesCommandTest {

  private static final String REPOS = "src/test/resources/fixtures/repos";
  private static final String A = REPOS + "/repo-a";
  private static final String B = REPOS + "/repo-b";

  @TempDir Path home;

  @Test
  void bothRepositoriesTogetherAreOneLineWithNoWarning(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("validate", A, B);
    assertEquals(ExitCode.OK.code(), result.exitCode(), result.getErrorOutput());
    String err = result.getErrorOutput();
    assertFalse(err.contains("AL124"), "repo-a defines what repo-b takes from it: " + err);
    assertTrue(err.contains("(0 errors, 0 warnings)"), err);
  }

  @Test
  void theSecondRepositoryAloneValidatesWithOneWarningPerExternalName(
      QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("validate", B);
    assertEquals(ExitCode.OK.code(), result.exitCode(), result.getErrorOutput());
    String err = result.getErrorOutput();
    assertTrue(
        err.contains(
            B
                + "/shippable.yml:19:13: warning[AL124]: job 'b_deploy' reads 'a_build', a name"
                + " from another repository (shippable.shiprun.yml); shiprun cannot check it here"),
        err);
    assertTrue(err.contains("warning[AL124]: job 'b_deploy' reads 'shared_params'"), err);
    assertTrue(err.contains("warning[AL124]: job 'b_publish' writes 'a_inbox'"), err);
    assertTrue(err.contains("(0 errors, 3 warnings)"), err);
  }

  @Test
  void externalOptionNamesWhatTheSettingsFileDoesNot(QuarkusMainLauncher launcher) {
    LaunchResult without = launcher.launch("validate", A + "/shippable.yml", B + "/shippable.yml");
    assertEquals(ExitCode.OK.code(), without.exitCode(), without.getErrorOutput());
    LaunchResult alone = launcher.launch("validate", B + "/shippable.yml");
    assertEquals(ExitCode.FAILED.code(), alone.exitCode(), "files given one by one: no settings");
    assertTrue(alone.getErrorOutput().contains("error[AL107]"), alone.getErrorOutput());
    LaunchResult with =
        launcher.launch(
            "validate",
            B + "/shippable.yml",
            "--external",
            "shared_params",
            "--external=a_build",
            "--external",
            "a_inbox");
    assertEquals(ExitCode.OK.code(), with.exitCode(), with.getErrorOutput());
    assertTrue(with.getErrorOutput().contains("(--external)"), with.getErrorOutput());
    LaunchResult graph =
        launcher.launch(
            "graph", B + "/shippable.yml", "--external", "shared_params,a_build,a_inbox");
    assertEquals(ExitCode.OK.code(), graph.exitCode(), graph.getErrorOutput());
    assertTrue(
        graph.getOutput().contains("IN  shared_params (from another repository)"),
        graph.getOutput());
  }

  @Test
  void planNotesTheJobThatNeedsTheOtherRepository(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("plan", B, "--home", home.toString());
    assertEquals(ExitCode.OK.code(), result.exitCode(), result.getErrorOutput());
    String out = result.getOutput();
    assertTrue(out.startsWith("plan: 2 jobs in 1 wave\n"), out);
    assertTrue(
        out.contains("  b_publish (runSh)\n    note:   not run here: needs 'a_inbox' from another"),
        out);
    assertTrue(
        out.contains(
            "note: job 'b_deploy' is not planned: it needs 'a_build', 'shared_params' from"
                + " another repository"),
        out);
    LaunchResult named = launcher.launch("plan", B, "--job", "b_deploy", "--home", home.toString());
    assertEquals(ExitCode.OK.code(), named.exitCode(), named.getErrorOutput());
    assertTrue(
        named.getOutput().contains("    note:   not run here: needs 'a_build', 'shared_params'"),
        named.getOutput());
    assertTrue(
        named.getOutput().contains("shared_params (from another repository)"), named.getOutput());
  }

  @Test
  void planJsonCarriesTheNotes(QuarkusMainLauncher launcher) throws Exception {
    LaunchResult result = launcher.launch("plan", B, "-o", "json", "--home", home.toString());
    assertEquals(ExitCode.OK.code(), result.exitCode(), result.getErrorOutput());
    JsonNode json = new ObjectMapper().readTree(result.getOutput());
    assertTrue(
        json.get("notes").get(0).asText().startsWith("job 'b_deploy' is not planned: it needs"),
        json.toString());
    JsonNode publish = json.get("jobs").get(1);
    assertEquals("b_publish", publish.get("name").asText());
    assertTrue(
        publish.get("notes").get(0).asText().startsWith("not run here: needs 'a_inbox'"),
        publish.toString());
    assertEquals(0, json.get("jobs").get(0).get("notes").size(), "b_local needs nothing else");
  }

  @Test
  void runLeavesOutTheJobThatNeedsTheOtherRepositoryAndSaysWhy(QuarkusMainLauncher launcher)
      throws Exception {
    RunHarness.Summary whole = new RunHarness(launcher, home).run(B);
    assertEquals(ExitCode.OK.code(), whole.exitCode(), whole.describe());
    assertEquals(java.util.List.of("b_local"), whole.jobs());
    assertTrue(
        whole
            .result()
            .getErrorOutput()
            .contains("not run  b_publish: needs 'a_inbox' from another repository"),
        "a job that writes another repository's resource is left out too: " + whole.describe());
    assertTrue(
        whole
            .result()
            .getErrorOutput()
            .contains(
                "note     job b_deploy does not run: it needs 'a_build', 'shared_params' from"
                    + " another repository"),
        whole.describe());
    RunHarness.Summary named = new RunHarness(launcher, home).run(B, "--job", "b_deploy");
    assertFalse(named.jobs().contains("b_deploy"), named.describe());
    assertTrue(
        named
            .result()
            .getErrorOutput()
            .contains("not run  b_deploy: needs 'a_build', 'shared_params' from another"),
        named.describe());
  }
}
