package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a resource type is one class and a services entry: the test-only {@code testGauge}
 * (runner/src/test/resources/META-INF/services) seeds, fills a job's folder and variables, and
 * makes the version its OUT posts, with no engine file naming it.
 */
@QuarkusMainTest
class RunResourceTypeTest {

  private static final String LINE = "src/test/resources/fixtures/run/gauge";

  @TempDir Path home;

  @Test
  void aTypeFromAServicesFileSeedsFillsAndPosts(QuarkusMainLauncher launcher) throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);

    RunHarness.Summary run = shiprun.run(LINE);
    assertEquals(0, run.exitCode(), run.describe());
    assertEquals(List.of("check", "fill"), run.jobs().stream().sorted().toList());

    String fill = shiprun.log(run.runId("fill"));
    assertTrue(fill.contains("level=3"), "the type's file in the IN's folder: " + fill);
    assertTrue(fill.contains("tank reads level-3"), "the type's variable: " + fill);

    JsonNode spare = shiprun.versions("spare");
    assertEquals(2, spare.size(), "the seed, then the version fill posted");
    assertEquals("level-15", spare.get(0).get("versionName").asText(), "10 from the seed + 5");
    assertEquals(15, spare.get(0).get("propertyBag").get("level").asLong());
    assertEquals("level-10", spare.get(1).get("versionName").asText());

    String check = shiprun.log(run.runId("check"));
    assertTrue(check.contains("level=15"), "a posted version's file: " + check);
    assertTrue(check.contains("spare reads level-15"), check);
  }

  @Test
  void planShowsTheTypesVariables(QuarkusMainLauncher launcher) throws Exception {
    var result = launcher.launch("plan", LINE);
    assertEquals(0, result.exitCode(), result.getErrorOutput());
    assertTrue(result.getOutput().contains("TANK_READING=level-3"), result.getOutput());
  }
}
