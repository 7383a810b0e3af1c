package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI as a process: Ctrl-C cancels running jobs the engine's way (process tree gone,
 * on_cancel ran, the run recorded as cancelled); {@code kill -9} leaves a run that the next start
 * shows as interrupted.
 */
class RunSignalsIT {

  private static final Path LINE = Path.of("src/test/resources/fixtures/run/timeout");

  @TempDir Path temp;

  private final List<Long> cleanup = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    cleanup.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void ctrlCCancelsTheRunningJobAndStopsItsProcesses() throws Exception {
    Path pids = temp.resolve("pids");
    Process shiprun = start(pids);
    List<Long> tree = awaitTree(pids, shiprun);
    signal(shiprun.pid(), "INT");
    assertTrue(shiprun.waitFor(60, TimeUnit.SECONDS), "shiprun did not end after Ctrl-C");
    for (long pid : tree) {
      assertFalse(Processes.isRunning(pid), "process " + pid + " survived Ctrl-C");
    }
    JsonNode runs = runs();
    assertEquals("cancelled", runs.get(0).get("status").asText(), runs.toString());
    String log = cli("logs", runs.get(0).get("id").asText());
    assertTrue(log.contains("on_cancel-ran"), log);
    assertTrue(log.contains("cancelled; stopped every process of the job"), log);
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aRunWhoseProcessWasKilledIsShownInterruptedOnTheNextStart() throws Exception {
    Path pids = temp.resolve("pids");
    Process shiprun = start(pids);
    List<Long> tree = awaitTree(pids, shiprun);
    cleanup.addAll(tree);
    signal(shiprun.pid(), "KILL");
    assertTrue(shiprun.waitFor(30, TimeUnit.SECONDS));
    JsonNode runs = runs();
    assertEquals("interrupted", runs.get(0).get("status").asText(), runs.toString());
    assertTrue(runs.get(0).get("reason").asText().contains("ended before the run finished"));
    Process versions =
        new ProcessBuilder(
                java(), "-jar", jar(), "versions", "sleeper", "--home", home().toString())
            .redirectErrorStream(true)
            .start();
    assertTrue(versions.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, versions.exitValue(), "an interrupted run posts no job version");

    // Its build folder (integration files, registry credentials) goes at the next run.
    Path leftover = home().resolve("builds/timeout/sleeper/1");
    assertTrue(Files.isDirectory(leftover), "the killed run left its build folder");
    Path other = temp.resolve("other");
    Files.createDirectories(other);
    Files.writeString(
        other.resolve("shippable.yml"),
        "jobs:\n  - name: quick\n    type: runSh\n    steps:\n      - TASK: {script: ['true']}\n");
    cli("run", other.toString());
    assertFalse(Files.exists(leftover), "the next run removed the leftover build folder");
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void saysInOneLineWhenItStartsWithCtrlCIgnored() throws Exception {
    Path line = temp.resolve("quick");
    Files.createDirectories(line);
    Files.writeString(
        line.resolve("shippable.yml"),
        "jobs:\n  - name: quick\n    type: runSh\n    steps:\n      - TASK: {script: ['true']}\n");
    // As a background job of a non-interactive shell starts it: SIGINT ignored.
    Process run =
        new ProcessBuilder(
                "env",
                "--ignore-signal=INT",
                java(),
                "-jar",
                jar(),
                "run",
                line.toString(),
                "--home",
                home().toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(run.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, run.exitValue(), err);
    assertEquals(
        "shiprun: SIGINT is ignored in this process (started in the background of a"
            + " non-interactive shell?): Ctrl-C cannot stop it; use kill -TERM "
            + run.pid(),
        err.lines().findFirst().orElse(""),
        err);

    Process validate =
        new ProcessBuilder("env", "--ignore-signal=INT", java(), "-jar", jar(), "validate", "x")
            .directory(line.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String validateErr =
        new String(validate.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(validate.waitFor(60, TimeUnit.SECONDS));
    assertFalse(validateErr.contains("is ignored"), "validate ends by itself: " + validateErr);
  }

  /** The CLI as a process with the default signal dispositions (Processes.shiprun). */
  private Process start(Path pids) throws IOException {
    return new ProcessBuilder(
            Processes.shiprun(
                "run",
                LINE.toString(),
                "--job",
                "sleeper",
                "--home",
                home().toString(),
                "--grace",
                "300ms",
                "--env",
                "PIDS=" + pids))
        .redirectOutput(temp.resolve("run.out").toFile())
        .redirectError(temp.resolve("run.err").toFile())
        .start();
  }

  /** The pids the job wrote, once it wrote all five. */
  private List<Long> awaitTree(Path pids, Process shiprun) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.exists(pids)) {
        List<String> lines = Files.readAllLines(pids);
        if (lines.size() == 5) {
          return lines.stream().map(s -> Long.parseLong(s.strip())).toList();
        }
      }
      assertTrue(
          shiprun.isAlive(), "shiprun ended early: " + Files.readString(temp.resolve("run.err")));
      Thread.sleep(100);
    }
    throw new AssertionError("the job did not start its processes");
  }

  private JsonNode runs() throws Exception {
    return new ObjectMapper().readTree(cli("runs", "-o", "json"));
  }

  private String cli(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar()));
    command.addAll(List.of(args));
    command.addAll(List.of("--home", home().toString()));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), String.join(" ", args) + ": " + out);
    return out;
  }

  private static void signal(long pid, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    assertEquals(0, kill.waitFor());
  }

  private Path home() {
    return temp.resolve("home");
  }

  private static String jar() {
    return System.getProperty("shiprun.jar", "target/shiprun.jar");
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
