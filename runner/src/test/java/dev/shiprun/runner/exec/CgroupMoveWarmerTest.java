package dev.shiprun.runner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.Poll;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warmer writes its pid to the member list while launches come, stops a while after the last
 * one and starts again at the next; a member list it cannot write stops it for good. A plain file
 * stands in for the member list, so the test needs no cgroup.
 */
class CgroupMoveWarmerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void writesWhileLaunchesComeThenStopsAndStartsAgain() throws Exception {
    Path procs = Files.createFile(dir.resolve("cgroup.procs"));
    CgroupMoveWarmer warmer =
        new CgroupMoveWarmer(procs, 4242, Duration.ofMillis(1), Duration.ofMillis(200));

    warmer.launching();
    assertTrue(warmer.keeping());
    Poll.until(PATIENCE, "two moves written", () -> Files.size(procs) >= 8);
    assertTrue(Files.readString(procs, StandardCharsets.US_ASCII).startsWith("42424242"));
    Poll.until(PATIENCE, "the warmer to stop after the last launch", () -> !warmer.keeping());

    long stopped = Files.size(procs);
    Files.write(procs, new byte[0]);
    warmer.launching();
    assertTrue(warmer.keeping());
    Poll.until(PATIENCE, "moves written again", () -> Files.size(procs) >= 4);
    assertTrue(stopped >= 8);
  }

  @Test
  void aMemberListItCannotWriteStopsItForGood() throws Exception {
    CgroupMoveWarmer warmer =
        new CgroupMoveWarmer(
            dir.resolve("gone/cgroup.procs"), 4242, Duration.ofMillis(1), Duration.ofSeconds(60));

    warmer.launching();
    Poll.until(PATIENCE, "the warmer to give up", () -> !warmer.keeping());
    warmer.launching();
    assertFalse(warmer.keeping());
    assertEquals(false, Files.exists(dir.resolve("gone")));
  }
}
