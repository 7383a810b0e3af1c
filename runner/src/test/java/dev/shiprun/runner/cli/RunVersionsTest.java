package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OUT versions (spec §1.5.1), triggers and switch: off (§1.4), pins and setup errors (§1.6). */
@QuarkusMainTest
class RunVersionsTest {

  private static final String LINE = "src/test/resources/fixtures/run/versions";

  @TempDir Path home;

  @Test
  void outVersionsTriggersReplicateAndOverwrite(QuarkusMainLauncher launcher) throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);

    // 1. build posts app 1.1 (with a property), settings LEVEL=2, copy replicated from base;
    // deploy (IN app) and audit (IN settings) are triggered, reset (IN app, switch off) is not.
    RunHarness.Summary first = shiprun.run(LINE, "--job", "build");
    assertEquals(0, first.exitCode(), first.describe());
    assertEquals(List.of("audit", "build", "deploy"), first.jobs().stream().sorted().toList());
    JsonNode app = shiprun.versions("app");
    assertEquals(2, app.size(), "YAML version, then the one build posted");
    assertEquals("1.1", app.get(0).get("versionName").asText());
    assertEquals(
        "abc=def",
        app.get(0).get("propertyBag").get("commit").asText(),
        "a .env value is split on its first '=' only (spec §9 point 7)");
    assertEquals(first.runId("build"), app.get(0).get("createdByRun").asLong());
    assertEquals("0.1", app.get(1).get("versionName").asText());
    JsonNode copy = shiprun.versions("copy").get(0);
    assertEquals("1.0", copy.get("versionName").asText(), "replicate copies base's versionName");
    assertEquals("org/base", copy.get("propertyBag").get("sourceName").asText());
    assertEquals(
        "2",
        shiprun.versions("settings").get(0).get("propertyBag").get("params").get("LEVEL").asText());
    String deployLog = shiprun.log(first.runId("deploy"));
    assertTrue(deployLog.contains("deploying 1.1"), deployLog);
    String auditLog = shiprun.log(first.runId("audit"));
    assertTrue(auditLog.contains("auditing 2"), auditLog);

    // 2. Same app versionName and properties: no new app version, so deploy is not triggered;
    // settings changed (LEVEL=3), so audit is; copy replicates the same again: no new version.
    RunHarness.Summary second = shiprun.run(LINE, "--job", "build", "--env", "SAME=1.1");
    assertEquals(0, second.exitCode(), second.describe());
    assertEquals(List.of("audit", "build"), second.jobs().stream().sorted().toList());
    assertEquals(2, shiprun.versions("app").size());
    assertEquals(2, shiprun.versions("copy").size());
    assertEquals(3, shiprun.versions("settings").size());
    assertEquals("2", String.valueOf(second.run("build").get("buildNumber")));

    // 3. reset overwrites settings: a fresh propertyBag with empty params, then FRESH=yes.
    RunHarness.Summary third = shiprun.run(LINE, "--job", "reset", "--no-downstream");
    assertEquals(0, third.exitCode(), third.describe());
    JsonNode settings = shiprun.versions("settings").get(0);
    assertEquals("yes", settings.get("propertyBag").get("params").get("FRESH").asText());
    assertFalse(settings.get("propertyBag").get("params").has("LEVEL"));
    assertFalse(settings.get("propertyBag").has("sourceName"));
  }

  @Test
  void aPinThatMatchesNoVersionIsAnErrorNotAFailure(QuarkusMainLauncher launcher) throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);
    RunHarness.Summary run = shiprun.run(LINE, "--job", "pinned");
    assertEquals(1, run.exitCode(), run.describe());
    assertEquals("error", run.status("pinned"));
    String reason = run.run("pinned").get("reason").asText();
    assertTrue(reason.contains("IN 'base' pins versionName '9.9'"), reason);
    assertTrue(shiprun.log(run.runId("pinned")).contains("pins versionName '9.9'"));
    assertFalse(shiprun.log(run.runId("pinned")).contains("never"), "no task ran");
  }
}
