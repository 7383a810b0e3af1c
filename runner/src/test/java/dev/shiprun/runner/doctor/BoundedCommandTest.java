package dev.shiprun.runner.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An outside command of the doctor ends, or is ended with what it started, at its limit. */
class BoundedCommandTest {

  @TempDir Path temp;

  private final BoundedCommand commands = new BoundedCommand(System.getenv());

  @Test
  void aCommandThatEndsGivesItsCodeAndOutput() {
    BoundedCommand.Result result =
        commands.run(
            List.of("bash", "-c", "echo out; echo err >&2; exit 3"), Duration.ofSeconds(30));

    assertEquals(new BoundedCommand.Result(3, false, "out\n", "err\n"), result);
    assertEquals("err", result.firstLine());
    assertFalse(result.succeeded());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aCommandPastItsLimitIsKilledWithWhatItStarted() throws Exception {
    Path pid = temp.resolve("child.pid");

    BoundedCommand.Result result =
        commands.run(
            List.of("bash", "-c", "sleep 600 & echo $! > " + pid + "; wait"),
            Duration.ofSeconds(3));

    assertTrue(result.timedOut(), result.toString());
    assertFalse(result.succeeded());
    Optional<ProcessHandle> child = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
    child.ifPresent(c -> c.onExit().join());
    assertFalse(child.map(ProcessHandle::isAlive).orElse(false), "the sleep was left running");
  }

  @Test
  void onlyTheGivenEnvironmentReachesTheCommand() {
    BoundedCommand.Result result =
        new BoundedCommand(Map.of("DOCTOR_TEST", "given"))
            .run(
                List.of("/bin/sh", "-c", "echo \"$DOCTOR_TEST ${HOME-unset}\""),
                Duration.ofSeconds(30));

    assertEquals("given unset\n", result.out());
  }

  @Test
  void aCommandThatCannotStartSaysWhy() {
    BoundedCommand.Result result =
        commands.run(List.of("/nonexistent/engine", "info"), Duration.ofSeconds(30));

    assertEquals(127, result.exitCode());
    assertTrue(result.firstLine().startsWith("cannot start /nonexistent/engine: "), result.err());
  }
}
