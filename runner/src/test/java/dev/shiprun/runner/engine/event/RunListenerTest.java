package dev.shiprun.runner.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Several listeners heard as one, and what a start event says of the run's wait. */
class RunListenerTest {

  /** Records "<name> <event>"; shows lines when asked to. */
  private record Recording(String name, boolean showsLines, List<String> heard)
      implements RunListener {
    @Override
    public void on(RunEvent event) {
      heard.add(name + " " + event.getClass().getSimpleName());
    }
  }

  @Test
  void eachEventGoesToEveryListenerInOrderAndLinesOnlyToThoseThatShowThem() {
    List<String> heard = new ArrayList<>();
    RunListener all =
        RunListener.all(new Recording("a", true, heard), new Recording("b", false, heard));
    assertTrue(all.showsLines());
    all.on(new RunEvent.JobStarted("j", 1, 1, "web", "manual", Optional.empty(), Instant.now()));
    all.on(new RunEvent.LogLine("j", 1, "hello"));
    all.on(new RunEvent.TaskEnded("j", 1, dev.shiprun.runner.store.RunStepSample.success("t")));
    assertEquals(
        List.of("a JobStarted", "b JobStarted", "a LogLine", "a TaskEnded", "b TaskEnded"), heard);
    assertFalse(RunListener.all(new Recording("b", false, heard)).showsLines());
  }

  @Test
  void aRunWaitedFromItsQueuingToItsStart() {
    Instant queued = Instant.parse("2026-01-05T10:00:00Z");
    RunEvent.JobStarted fromQueue =
        new RunEvent.JobStarted(
            "j", 1, 1, "web", "manual", Optional.of(queued), queued.plusSeconds(2));
    assertEquals(Duration.ofSeconds(2), fromQueue.waited());
    RunEvent.JobStarted triggered =
        new RunEvent.JobStarted("j", 2, 1, "web", "up", Optional.empty(), queued);
    assertEquals(Duration.ZERO, triggered.waited());
    RunEvent.JobStarted clockBehind =
        new RunEvent.JobStarted(
            "j", 3, 1, "web", "manual", Optional.of(queued), queued.minusMillis(5));
    assertEquals(
        Duration.ZERO, clockBehind.waited(), "another host's clock never makes it negative");
  }
}
