package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State across runs (spec §1.5.1, §1.6 step 13, §3.4) and every hook path (§1.3.4, §9 point 10),
 * through real runs.
 */
@QuarkusMainTest
class RunStateAndHooksTest {

  private static final String STATE = "src/test/resources/fixtures/run/state";
  private static final String HOOKS = "src/test/resources/fixtures/run/hooks";
  private static final String TEMPLATES = "src/test/resources/fixtures/run/templates";

  @TempDir Path home;

  @Test
  void stateCarriesAcrossRunsAndSurvivesAFailure(QuarkusMainLauncher launcher) throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);
    for (int i = 1; i <= 2; i++) {
      RunHarness.Summary run = shiprun.run(STATE, "--job", "count");
      assertEquals(0, run.exitCode(), run.describe());
      String log = shiprun.log(run.runId("count"));
      assertTrue(log.contains("count=" + i + " hits=" + (i * 10)), log);
      // report reads the files count saved, in IN/count/runSh (spec §3.4)
      assertTrue(shiprun.log(run.runId("report")).contains("upstream counter=" + i));
    }
    // Run 3 fails after writing a broken counter: the previous state is kept (§1.6 step 13),
    // the state resource gets no new version, and report is not triggered.
    RunHarness.Summary failed = shiprun.run(STATE, "--job", "count", "--env", "FAIL_AT=3");
    assertEquals(1, failed.exitCode(), failed.describe());
    assertEquals("failure", failed.status("count"));
    assertEquals(List.of("count"), failed.jobs());
    assertEquals(3, shiprun.versions("count").size(), "a failed run posts a job version too");
    assertEquals(2, shiprun.versions("cache").size());

    RunHarness.Summary fourth = shiprun.run(STATE, "--job", "count");
    assertEquals(0, fourth.exitCode(), fourth.describe());
    assertTrue(
        shiprun.log(fourth.runId("count")).contains("count=3 hits=30"),
        shiprun.log(fourth.runId("count")));
    String sha = shiprun.versions("cache").get(0).get("versionName").asText();
    assertTrue(sha.matches("[0-9a-f]{64}"), "a state version is named by its files' sha: " + sha);
  }

  @Test
  void allTasksSucceed(QuarkusMainLauncher launcher) throws Exception {
    assertHooks(
        launcher,
        "ok",
        "success",
        List.of("on_start", "task1 mode=ok", "task2", "task2-end", "on_success", "always"));
  }

  @Test
  void aFailingTaskRunsOnFailureThenAlwaysAndSkipsTheRest(QuarkusMainLauncher launcher)
      throws Exception {
    assertHooks(
        launcher,
        "fail-first",
        "failure",
        List.of("on_start", "task1 mode=fail-first", "on_failure", "always"));
  }

  @Test
  void aFailingLastTaskRunsOnFailureNotOnSuccess(QuarkusMainLauncher launcher) throws Exception {
    assertHooks(
        launcher,
        "fail-last",
        "failure",
        List.of("on_start", "task1 mode=fail-last", "task2", "on_failure", "always"));
  }

  @Test
  void aFailingOnSuccessFailsTheJobAndSkipsAlways(QuarkusMainLauncher launcher) throws Exception {
    assertHooks(
        launcher,
        "fail-success",
        "failure",
        List.of("on_start", "task1 mode=fail-success", "task2", "task2-end", "on_success"));
  }

  @Test
  void aFailingOnStartFailsTheJobBeforeAnyTask(QuarkusMainLauncher launcher) throws Exception {
    assertHooks(launcher, "fail-start", "failure", List.of("on_start", "on_failure", "always"));
  }

  @Test
  void templatesInScriptsRunTheirCommandsInPlace(QuarkusMainLauncher launcher) throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);
    RunHarness.Summary run = shiprun.run(TEMPLATES, "--job", "templated");
    assertEquals("success", run.status("templated"), run.describe());
    String log = shiprun.log(run.runId("templated"));
    assertEquals(
        List.of(
            "task",
            "before",
            "hello from templated",
            "after",
            "on_success",
            "hello from templated",
            "always",
            "hello from templated"),
        printed(log),
        log);
  }

  private static List<String> printed(String log) {
    List<String> printed = new ArrayList<>();
    for (String line : log.split("\n")) {
      if (!line.startsWith("[shiprun]")) {
        printed.add(line);
      }
    }
    return printed;
  }

  private void assertHooks(
      QuarkusMainLauncher launcher, String mode, String status, List<String> expected)
      throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);
    RunHarness.Summary run = shiprun.run(HOOKS, "--job", "hooked", "--env", "MODE=" + mode);
    assertEquals(status, run.status("hooked"), run.describe());
    assertEquals(status.equals("success") ? 0 : 1, run.exitCode());
    String log = shiprun.log(run.runId("hooked"));
    assertEquals(expected, printed(log), log);
    assertFalse(log.contains("on_cancel"), log);
    if (!status.equals("success")) {
      assertTrue(log.contains("failed with exit code"), log);
    }
  }
}
