package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A job that outlives its timeout: the whole process tree is stopped, on_cancel runs (§6.3). */
@QuarkusMainTest
class RunTimeoutTest {

  private static final String LINE = "src/test/resources/fixtures/run/timeout";

  @TempDir Path temp;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aTimeoutStopsEveryProcessTheJobStarted(QuarkusMainLauncher launcher) throws Exception {
    Path pids = temp.resolve("pids");
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    RunHarness.Summary run =
        shiprun.run(
            LINE,
            "--job",
            "sleeper",
            "--timeout",
            "3s",
            "--grace",
            "300ms",
            "--env",
            "PIDS=" + pids);
    assertEquals(1, run.exitCode(), run.describe());
    assertEquals("timeout", run.status("sleeper"));
    String log = shiprun.log(run.runId("sleeper"));
    assertTrue(log.contains("started-tree"), log);
    assertTrue(log.contains("timeout set to 3 s"), log);
    assertTrue(log.contains("timed out after 3 s"), log);
    assertTrue(log.contains("on_cancel-ran"), log);
    List<String> started = Files.readAllLines(pids);
    assertEquals(5, started.size(), "the script recorded its processes: " + started);
    for (String pid : started) {
      boolean alive = Processes.isRunning(Long.parseLong(pid.strip()));
      assertFalse(alive, "process " + pid + " survived the timeout\n" + log);
      assertTrue(log.contains("pid " + pid.strip()), "the log names what was stopped: " + pid);
    }
  }
}
