package dev.shiprun.runner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shiprun.runner.exec.LaunchResult.Cancelled;
import dev.shiprun.runner.exec.LaunchResult.Exited;
import dev.shiprun.runner.exec.LaunchResult.TimedOut;
import dev.shiprun.runner.exec.SignalledProcess.Signal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, cancels and leftovers: afterwards, no process of the run is alive. */
@Timeout(60)
class ProcessTreeKillerTest {

  /**
   * Starts a child with a grandchild, an orphan, a nohup and a setsid process, a daemon (a setsid
   * process's orphan: neither in the tree nor in the group), and one that ignores TERM, each
   * writing its pid; then says "ready" and waits.
   */
  private static final String TREE =
      """
      bash -c 'sleep 1000 & echo $! > grandchild.pid; wait' &
      echo $! > child.pid
      ( sleep 1000 & echo $! > orphan.pid ) &
      nohup bash -c 'echo $$ > nohup.pid; exec sleep 1000' > /dev/null 2>&1 &
      setsid bash -c 'echo $$ > setsid.pid; exec sleep 1000' &
      setsid bash -c 'sleep 1000 & echo $! > daemon.pid'
      bash -c 'trap "" TERM; echo $$ > stubborn.pid; while :; do sleep 0.1; done' &
      for f in child grandchild orphan nohup setsid daemon stubborn; do
        while [ ! -s $f.pid ]; do sleep 0.01; done
      done
      echo ready
      sleep 1000
      """;

  private static final List<String> TREE_PIDS =
      List.of("child", "grandchild", "orphan", "nohup", "setsid", "daemon", "stubborn");

  @TempDir Path dir;
  private final Exec exec = exec();

  /** The launcher the tests use: with the containment this machine allows. */
  Exec exec() {
    return new Exec();
  }

  @AfterEach
  void killWhatATestLeft() throws IOException {
    for (long pid : exec.survivors()) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aTimeoutKillsTheWholeTreeIncludingProcessesThatIgnoreTerm() throws Exception {
    RecordingSink sink = new RecordingSink();

    LaunchResult result =
        exec.launcher.run(
            exec.launch(dir, TREE, Exec.PATH_ONLY, Duration.ofSeconds(3)),
            sink,
            new Cancellation());

    assertEquals(List.of("ready"), sink.stdout(), "the tree was complete before the timeout");
    KillReport report = assertInstanceOf(TimedOut.class, result).killed();
    assertTreeIsGone(report);
  }

  @Test
  void aCancelFromAnotherThreadKillsTheWholeTree() throws Exception {
    RecordingSink sink = new RecordingSink();
    Cancellation cancellation = new Cancellation();
    Launch launch = exec.launch(dir, TREE, Exec.PATH_ONLY, Exec.LONG);

    CompletableFuture<LaunchResult> result =
        CompletableFuture.supplyAsync(() -> exec.launcher.run(launch, sink, cancellation));
    sink.arrival("ready").get(30, TimeUnit.SECONDS);
    cancellation.cancel(); // from this thread, while the launch runs on another

    KillReport report =
        assertInstanceOf(Cancelled.class, result.get(30, TimeUnit.SECONDS)).killed();
    assertTreeIsGone(report);
  }

  @Test
  void killsAndReportsWhatTheScriptLeftRunningAfterItExited() throws IOException {
    LaunchResult result =
        exec.run(
            dir,
            """
            sleep 1000 &
            echo $! > background.pid
            setsid bash -c 'sleep 1001 & echo $! > daemon.pid'
            # On a busy host a child may not have exec'd sleep yet when the script ends; the
            # report names what each process runs, so wait for both to be sleep.
            for f in background.pid daemon.pid; do
              until [ "$(cat /proc/$(cat $f)/comm 2>/dev/null)" = sleep ]; do sleep 0.01; done
            done
            echo done
            """,
            new RecordingSink());

    Exited exited = assertInstanceOf(Exited.class, result);
    assertEquals(0, exited.code());
    long background = Exec.pid(dir.resolve("background.pid"));
    long daemon = Exec.pid(dir.resolve("daemon.pid"));
    assertEquals(
        Set.of(
            new SignalledProcess(background, "sleep 1000", Signal.TERM),
            new SignalledProcess(daemon, "sleep 1001", Signal.TERM)),
        Set.copyOf(exited.leftovers().killed()));
    assertTrue(Exec.isGone(background));
    assertTrue(Exec.isGone(daemon));
    exec.assertNothingSurvives();
  }

  @Test
  void findsAnOrphanThatClearedItsEnvironmentThroughTheProcessGroup() throws IOException {
    assumeTrue(ExecOptions.defaults().setsid().isPresent(), "needs setsid");
    long orphan = 0;
    try {
      LaunchResult result =
          exec.run(dir, "( env -i sleep 1000 & echo $! > envless.pid )\n", new RecordingSink());

      orphan = Exec.pid(dir.resolve("envless.pid"));
      Exited exited = assertInstanceOf(Exited.class, result);
      assertEquals(List.of(orphan), pids(exited.leftovers().killed()));
      assertTrue(Exec.isGone(orphan));
    } finally {
      ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void sweepKillsEveryProcessCarryingTheToken() throws IOException {
    ProcessBuilder builder = new ProcessBuilder("sleep", "1000");
    builder.environment().put(RunToken.VARIABLE, exec.token.value());
    Process stray = builder.start();

    KillReport report = exec.killer.sweep(exec.token);

    assertEquals(List.of(stray.pid()), pids(report.killed()));
    assertEquals(List.of(), report.survivors());
    assertTrue(stray.onExit().orTimeout(10, TimeUnit.SECONDS).join().exitValue() != 0);
    assertEquals(KillReport.NONE, exec.killer.sweep(exec.token), "nothing is left to kill");
  }

  @Test
  void neverTouchesProcessesOfOtherRuns() throws IOException {
    ProcessBuilder builder = new ProcessBuilder("sleep", "1000");
    builder.environment().putAll(Map.of(RunToken.VARIABLE, RunToken.random().value()));
    Process other = builder.start();
    try {
      exec.run(dir, "sleep 1000 &\n", new RecordingSink());

      assertTrue(other.isAlive());
    } finally {
      other.destroyForcibly();
    }
  }

  private void assertTreeIsGone(KillReport report) throws IOException {
    assertEquals(List.of(), report.survivors());
    for (String name : TREE_PIDS) {
      long pid = Exec.pid(dir.resolve(name + ".pid"));
      assertTrue(Exec.isGone(pid), name + " (" + pid + ") is still alive");
      assertTrue(pids(report.killed()).contains(pid), name + " is not reported: " + report);
    }
    long stubborn = Exec.pid(dir.resolve("stubborn.pid"));
    assertTrue(
        report.killed().stream().anyMatch(p -> p.pid() == stubborn && p.signal() == Signal.KILL),
        "the process ignoring TERM needed KILL: " + report);
    exec.assertNothingSurvives();
  }

  private static List<Long> pids(List<SignalledProcess> processes) {
    return processes.stream().map(SignalledProcess::pid).toList();
  }
}
