package dev.shiprun.runner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shiprun.runner.exec.LaunchResult.Cancelled;
import dev.shiprun.runner.exec.LaunchResult.Exited;
import dev.shiprun.runner.exec.LaunchResult.TimedOut;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a script starts outlives it, not even a process that leaves its session and clears its
 * environment: the script ends, times out or is cancelled, and every escapee is gone.
 */
@Timeout(90)
class ContainmentTest {

  @TempDir Path dir;
  private final Exec exec = new Exec();
  private final Escapees escapees = new Escapees();

  /**
   * Where no cgroup can be used, escapees can outlive a script: that is the documented fallback.
   */
  @BeforeEach
  void needsCgroups() {
    Containment containment = exec.launcher.containment();
    assumeTrue(containment.holdsEscapees(), containment.describe());
  }

  @AfterEach
  void killWhatATestLeft() throws IOException {
    escapees.killAll();
    for (long pid : exec.survivors()) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void whatTheScriptLeftBehindIsGoneWhenItEnds() throws Exception {
    LaunchResult result = exec.run(dir, escapees.start() + "echo ready\n", new RecordingSink());

    Exited exited = assertInstanceOf(Exited.class, result);
    assertEquals(0, exited.code());
    assertEquals(List.of(), escapees.aliveAfter(10), "escapees outlived the script");
    assertEquals(List.of(), exited.leftovers().survivors());
  }

  @Test
  void aTimeoutStopsTheEscapees() throws Exception {
    RecordingSink sink = new RecordingSink();

    LaunchResult result =
        exec.launcher.run(
            exec.launch(
                dir, escapees.start() + "echo ready\nsleep 1000\n", Exec.PATH_ONLY, seconds(8)),
            sink,
            new Cancellation());

    assertEquals(List.of("ready"), sink.stdout(), "every escapee ran before the timeout");
    assertInstanceOf(TimedOut.class, result);
    assertEquals(List.of(), escapees.aliveAfter(10), "escapees outlived the timeout");
  }

  @Test
  void aCancelStopsTheEscapees() throws Exception {
    RecordingSink sink = new RecordingSink();
    Cancellation cancellation = new Cancellation();
    Launch launch =
        exec.launch(dir, escapees.start() + "echo ready\nsleep 1000\n", Exec.PATH_ONLY, Exec.LONG);

    CompletableFuture<LaunchResult> result =
        CompletableFuture.supplyAsync(() -> exec.launcher.run(launch, sink, cancellation));
    sink.arrival("ready").get(60, TimeUnit.SECONDS);
    cancellation.cancel();

    assertInstanceOf(Cancelled.class, result.get(60, TimeUnit.SECONDS));
    assertEquals(List.of(), escapees.aliveAfter(10), "escapees outlived the cancel");
  }

  @Test
  void eachScriptRunsInACgroupOfItsOwnThatGoesWithIt() throws Exception {
    Path parent = ((Containment.Cgroups) exec.launcher.containment()).parent();

    exec.run(dir, "cat /proc/self/cgroup > cgroup.txt\n", new RecordingSink());

    String line =
        Files.readAllLines(dir.resolve("cgroup.txt")).stream()
            .filter(l -> l.contains("/shiprun-" + exec.token.value() + "-"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the script ran outside a cgroup of its own"));
    String name = line.substring(line.lastIndexOf('/') + 1);
    assertFalse(Files.exists(parent.resolve(name)), "the script's cgroup was removed");
    try (Stream<Path> left = Files.list(parent)) {
      String probe = ContainmentProbe.PROBE_PREFIX + ProcessHandle.current().pid() + "-";
      assertEquals(
          List.of(),
          left.filter(p -> p.getFileName().toString().startsWith(probe)).toList(),
          "the probe's cgroup was removed");
    }
  }

  private static Duration seconds(int n) {
    return Duration.ofSeconds(n);
  }
}
