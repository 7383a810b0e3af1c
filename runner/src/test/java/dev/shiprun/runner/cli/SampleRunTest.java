package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, run twice: the sample keeps its state across runs. */
@QuarkusMainTest
class SampleRunTest {

  private static final String SAMPLE = "../samples/params-state";

  @TempDir Path home;

  @Test
  void paramsStateCountsItsRuns(QuarkusMainLauncher launcher) throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);
    for (int run = 1; run <= 2; run++) {
      RunHarness.Summary summary = shiprun.run(SAMPLE);
      assertEquals(0, summary.exitCode(), summary.describe());
      String log = shiprun.log(summary.runId("count-runs"));
      assertTrue(log.contains("hello from staging (also hello)"), log);
      assertTrue(log.contains("run number " + run + " of count-runs"), log);
      assertEquals(run, log.split("greeted staging", -1).length - 1, "history lines: " + log);
    }
    assertEquals(2, shiprun.versions("run-history").size());
  }
}
