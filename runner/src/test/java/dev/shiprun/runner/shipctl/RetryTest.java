package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** retry: up to three runs until one exits 0. */
class RetryTest {

  @TempDir Path dir;
  JobFolder job;
  Path flaky;

  @BeforeEach
  void setUp() throws Exception {
    job = JobFolder.runSh(dir, "deploy");
    // Counts its runs in a file; exits with $2 until run number $1, then 0.
    flaky =
        JobFolder.write(
            dir.resolve("flaky.sh"),
            """
            #!/usr/bin/env bash
            n=$(( $(cat runs 2>/dev/null || echo 0) + 1 ))
            echo "$n" > runs
            echo "run $n"
            [ "$n" -ge "$1" ] && exit 0
            exit "$2"
            """);
    Files.setPosixFilePermissions(flaky, PosixFilePermissions.fromString("rwx------"));
  }

  private int runs() {
    return Integer.parseInt(JobFolder.content(job.root().resolve("runs")).strip());
  }

  @Test
  void retriesUntilTheCommandSucceeds() {
    Shipctl.Result result = job.shipctl("retry", flaky.toString(), "3", "1");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(3, runs());
    assertEquals("run 1\nrun 2\nrun 3\n", result.stdout());
    assertEquals("retrying 1 of 3 times...\nretrying 2 of 3 times...\n", result.stderr());
  }

  @Test
  void givesUpAfterThreeRunsWithTheLastStatus() {
    Shipctl.Result result = job.shipctl("retry", flaky.toString(), "99", "7");

    assertEquals(7, result.exitCode());
    assertEquals(3, runs());
  }

  @Test
  void runsOnceWhenTheFirstRunSucceeds() {
    Shipctl.Result result = job.shipctl("retry", flaky.toString(), "1", "1");

    assertEquals(0, result.exitCode());
    assertEquals(1, runs());
    assertEquals("", result.stderr());
  }

  @Test
  void argumentsReachTheCommandUnchanged() {
    Shipctl.Result result = job.shipctl("retry", "printf", "%s|", "a  b", "*", "$HOME");

    assertEquals("a  b|*|$HOME|", result.stdout());
  }
}
