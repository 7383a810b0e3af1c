package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * dependencyMode within one invocation (spec §1.4): the jobs of fixtures/run/modes append markers
 * to one file, and the order of the markers shows which job waited for which. A slow upstream job
 * waits for the marker of the job that must overtake it, so the order does not hang on timing.
 *
 * <p>A job reads the latest version of each IN at its start, so a job that starts before its IN
 * jobs have ever run ends in error: the tests run those once first ({@link #seed}).
 */
@QuarkusMainTest
class RunDependencyModeTest {

  private static final String LINE = "src/test/resources/fixtures/run/modes";

  @TempDir Path temp;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void immediateOvertakesASlowUpstreamJobWhileChronoWaitsForIt(QuarkusMainLauncher launcher)
      throws Exception {
    Run run = seedThenRun(launcher, "a-fast", "a-slow");
    assertEquals(
        List.of("a-fast", "eager by a-fast", "a-slow", "patient"),
        run.marks(),
        "eager (immediate) ran while a-slow was running; patient (chrono) after it");
    assertTrue(
        run.summary()
            .result()
            .getErrorOutput()
            .contains("waiting  patient: dependencyMode chrono, until a-slow in this run has"),
        run.summary().describe());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void strictWaitsForAFailedUpstreamJobAndStillRunsWhereChronoDoesNot(QuarkusMainLauncher launcher)
      throws Exception {
    Run run = run(launcher, "marks", "b-fast", "b-broken");
    assertEquals(1, run.summary().exitCode(), "b-broken failed: " + run.summary().describe());
    assertEquals("failure", run.summary().status("b-broken"));
    assertEquals("success", run.summary().status("careful"));
    assertFalse(run.summary().jobs().contains("cautious"), run.summary().describe());
    List<String> marks = run.marks();
    assertTrue(
        marks.indexOf("careful by b-fast") > marks.indexOf("b-broken"),
        "careful (strict) waited for b-broken to end: " + marks);
    assertFalse(marks.contains("cautious"), marks.toString());
    String err = run.summary().result().getErrorOutput();
    assertTrue(
        err.contains(
            "not run  cautious: triggered by b-fast but upstream b-broken (failure) did not"
                + " succeed in this run (dependencyMode chrono;"),
        err);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void theModeOfTheInThatTriggeredAJobOverridesTheJobs(QuarkusMainLauncher launcher)
      throws Exception {
    Run run = seedThenRun(launcher, "c-fast", "c-slow");
    assertEquals(
        List.of("c-fast", "hasty by c-fast", "c-slow", "steady by c-fast"),
        run.marks(),
        "hasty (strict, IN c-fast immediate) overtook c-slow; steady (immediate, IN c-fast"
            + " chrono) waited for it");
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void noDownstreamRunsOnlyTheNamedJobsWhateverTheirMode(QuarkusMainLauncher launcher)
      throws Exception {
    seed(launcher, "a-fast", "a-slow"); // eager (immediate) starts beside a-fast: not after it
    Run run = run(launcher, "marks", "a-fast", "eager", "--no-downstream");
    assertEquals(0, run.summary().exitCode(), run.summary().describe());
    assertEquals(List.of("a-fast", "eager"), run.summary().jobs().stream().sorted().toList());
    assertTrue(run.marks().contains("eager by manual"), run.marks().toString());
  }

  /** {@link #seed} the two upstream jobs, then run them (and what they trigger): it succeeds. */
  private Run seedThenRun(QuarkusMainLauncher launcher, String fast, String slow) throws Exception {
    seed(launcher, fast, slow);
    Run run = run(launcher, "marks", fast, slow);
    assertEquals(0, run.summary().exitCode(), run.summary().describe());
    return run;
  }

  /**
   * Runs {@code jobs} alone, once, so that the jobs reading them find a version. Their markers go
   * to a file of their own, which already holds those the slow jobs wait for.
   */
  private void seed(QuarkusMainLauncher launcher, String... jobs) throws Exception {
    Files.writeString(temp.resolve("seed-marks"), "eager\nhasty\n");
    List<String> args = new ArrayList<>(List.of(jobs));
    args.add("--no-downstream");
    Run seeded = run(launcher, "seed-marks", args.toArray(String[]::new));
    assertEquals(0, seeded.summary().exitCode(), seeded.summary().describe());
  }

  /** One run and the markers its jobs left, in order. */
  private record Run(RunHarness.Summary summary, List<String> marks) {}

  /**
   * {@code shiprun run} of the named jobs (then arguments), two at a time, the markers going to the
   * file {@code marks} in the temporary folder.
   */
  private Run run(QuarkusMainLauncher launcher, String marks, String... jobsThenArgs)
      throws Exception {
    Path file = temp.resolve(marks);
    if (!Files.exists(file)) {
      Files.createFile(file); // the slow jobs grep it from their start
    }
    List<String> args = new ArrayList<>(List.of("--parallel", "2", "--env", "MARKS=" + file));
    for (String a : jobsThenArgs) {
      if (a.startsWith("--")) {
        args.add(a);
      } else {
        args.add("--job");
        args.add(a);
      }
    }
    RunHarness.Summary summary =
        new RunHarness(launcher, temp.resolve("home")).run(LINE, args.toArray(String[]::new));
    return new Run(summary, Files.readAllLines(file));
  }
}
