package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.shiprun.runner.Poll;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job whose TASK starts processes that leave its session with a cleared environment: when the job
 * ends or times out, none of them is left, and the job's log says which containment held them.
 */
@QuarkusMainTest
class RunContainmentTest {

  private static final String LINE = "src/test/resources/fixtures/run/escape";

  @TempDir Path temp;

  /** The escapees run {@code sleep <escape><i>}: an argument no other process has. */
  private final String escape =
      "300." + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);

  @AfterEach
  void killLeftovers() throws IOException {
    for (List<String> argv : escapees()) {
      Processes.running(argv)
          .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aJobThatEndsTakesWhatItLeftWithIt(QuarkusMainLauncher launcher) throws Exception {
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));

    RunHarness.Summary run = shiprun.run(LINE, args("leaver", "--grace", "300ms"));

    assertEquals(0, run.exitCode(), run.describe());
    String log = shiprun.log(run.runId("leaver"));
    List<Long> alive = alive();
    assumeContained(log);
    assertEquals(List.of(), alive, "processes outlived the job\n" + log);
    assertTrue(log.contains("containment: cgroup"), "the log says what held them\n" + log);
    assertTrue(log.contains("escaped"), log);
    for (List<String> argv : escapees()) {
      assertTrue(
          log.contains("left running after the script ended: pid ")
              && log.contains("(" + String.join(" ", argv) + "), TERM"),
          "the log names " + argv + "\n" + log);
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aTimeoutStopsThemToo(QuarkusMainLauncher launcher) throws Exception {
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));

    RunHarness.Summary run =
        shiprun.run(LINE, args("sleeper", "--timeout", "10s", "--grace", "300ms"));

    assertEquals(1, run.exitCode(), run.describe());
    assertEquals("timeout", run.status("sleeper"));
    String log = shiprun.log(run.runId("sleeper"));
    List<Long> alive = alive();
    assumeContained(log);
    assertEquals(List.of(), alive, "processes outlived the timeout\n" + log);
    assertTrue(log.contains("escaped"), "every escapee started before the timeout\n" + log);
  }

  /**
   * Where no cgroup can be used escapees can outlive a job: the documented fallback, which the log
   * names.
   */
  private static void assumeContained(String log) {
    assumeFalse(log.contains("containment: run token only"), log);
  }

  private String[] args(String job, String... more) throws IOException {
    Path marks = Files.createDirectories(temp.resolve("marks"));
    List<String> all =
        new ArrayList<>(
            List.of("--job", job, "--env", "MARKS=" + marks, "--env", "ESCAPE=" + escape));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private List<List<String>> escapees() {
    List<List<String>> argvs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      argvs.add(List.of("sleep", escape + i));
    }
    return argvs;
  }

  /** The escapees still running, waiting up to 10 s for the last to go. */
  private List<Long> alive() throws Exception {
    return Poll.value(
        Duration.ofSeconds(10),
        () -> {
          List<Long> alive = new ArrayList<>();
          for (List<String> argv : escapees()) {
            alive.addAll(Processes.running(argv));
          }
          return alive;
        },
        List::isEmpty);
  }
}
