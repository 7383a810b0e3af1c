package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Independent jobs run at the same time; secrets never reach the console or the stored log. */
@QuarkusMainTest
class RunParallelAndMaskingTest {

  private static final String LINE = "src/test/resources/fixtures/run/parallel";
  private static final String SECRET = "made-up-leaky-pass";

  @TempDir Path temp;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void independentJobsRunInParallel(QuarkusMainLauncher launcher) throws Exception {
    Path meet = Files.createDirectories(temp.resolve("meet"));
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    // Each job waits for the other's file: with one job at a time the first would give up.
    RunHarness.Summary run =
        shiprun.run(
            LINE,
            "--job",
            "left",
            "--job",
            "right",
            "--parallel",
            "2",
            "--env",
            "MEET=" + meet,
            "-i",
            LINE + "/integrations.yml");
    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("success", run.status("left"));
    assertEquals("success", run.status("right"));
  }

  @Test
  void secretsAreMaskedOnTheConsoleAndInTheStoredLog(QuarkusMainLauncher launcher)
      throws Exception {
    Path home = temp.resolve("home");
    LaunchResult result =
        launcher.launch(
            "run",
            LINE,
            "--job",
            "leaky",
            "-v",
            "--home",
            home.toString(),
            "-i",
            LINE + "/integrations.yml");
    assertEquals(0, result.exitCode(), result.getErrorOutput());
    String console = result.getOutput() + result.getErrorOutput();
    assertTrue(console.contains("[leaky] password is ***"), console);
    assertTrue(console.contains("[leaky] twice ******"), console);
    assertTrue(console.contains("[leaky] user is test-user"), console);
    assertFalse(console.contains(SECRET), console);
    String log = new RunHarness(launcher, home).log(1);
    assertTrue(log.contains("password is ***"), log);
    assertFalse(log.contains(SECRET), log);
    // Nothing under the home holds the secret once the run is over: not the store, not a log,
    // not a build folder (deleted with its integration files).
    try (Stream<Path> files = Files.walk(home)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(
            Files.readString(f, StandardCharsets.ISO_8859_1).contains(SECRET), "found in " + f);
      }
    }
  }
}
