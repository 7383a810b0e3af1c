package dev.shiprun.runner.daemon.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.engine.event.RunEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The live logs as one listener of the runs' events: each run's lines reach its own followers. */
class LiveLogsTest {

  private final LiveLogs live = new LiveLogs();

  /** What a follower heard: its lines, then "end". */
  private static final class Heard implements LiveLogs.Follower {
    final List<String> lines = new ArrayList<>();

    @Override
    public void line(String text) {
      lines.add(text);
    }

    @Override
    public void end() {
      lines.add("end");
    }
  }

  private static RunEvent.JobStarted started(String job, long runId) {
    return new RunEvent.JobStarted(job, runId, 1, "web", "manual", Optional.empty(), Instant.now());
  }

  @Test
  void linesAreRoutedToTheirRunsFollowersUntilItsEnd() {
    Heard queued = new Heard();
    LiveLogs.Following early = live.follow(7, queued, id -> LiveLogs.Found.WAITING);
    assertEquals(new LiveLogs.Following(LiveLogs.Found.WAITING, 0, true), early);

    live.on(started("build", 7));
    live.on(started("deploy", 8));
    live.on(new RunEvent.LogLine("build", 7, "b1"));
    live.on(new RunEvent.LogLine("deploy", 8, "d1"));
    Heard late = new Heard();
    LiveLogs.Following joined =
        live.follow(
            8,
            late,
            id -> {
              throw new AssertionError("run 8 is live: the store is not asked");
            });
    assertEquals(1, joined.storedLines(), "a late follower reads run 8's first line from the file");
    live.on(new RunEvent.LogLine("build", 7, "b2"));
    live.on(new RunEvent.LogLine("deploy", 8, "d2"));
    live.on(
        new RunEvent.TaskEnded(
            "build", 7, dev.shiprun.runner.store.RunStepSample.success("first")));
    live.on(new RunEvent.JobEnded("build", 7, Optional.empty()));
    live.on(new RunEvent.LogLine("build", 7, "after its end"));

    assertEquals(List.of("b1", "b2", "end"), queued.lines);
    assertEquals(List.of("d2"), late.lines, "run 8 is still going");
    live.on(new RunEvent.JobEnded("deploy", 8, Optional.empty()));
    assertEquals(List.of("d2", "end"), late.lines);

    Heard after = new Heard();
    LiveLogs.Following done = live.follow(7, after, id -> LiveLogs.Found.DONE);
    assertFalse(done.live(), "an ended run is read from its stored log only");
    assertEquals(Integer.MAX_VALUE, done.storedLines());
    assertTrue(after.lines.isEmpty());
  }

  @Test
  void aFollowerThatLeftHearsNoMore() {
    Heard gone = new Heard();
    live.on(started("build", 3));
    live.follow(3, gone, id -> LiveLogs.Found.UNKNOWN);
    live.on(new RunEvent.LogLine("build", 3, "one"));
    live.unfollow(3, gone);
    live.on(new RunEvent.LogLine("build", 3, "two"));
    live.on(new RunEvent.JobEnded("build", 3, Optional.empty()));
    assertEquals(List.of("one"), gone.lines);
  }
}
