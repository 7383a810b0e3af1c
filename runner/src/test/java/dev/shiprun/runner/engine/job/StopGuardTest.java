package dev.shiprun.runner.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.spi.ExecutionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The timeout and cancel wrapper around each script of a run. */
class StopGuardTest {

  private final List<String> log = new ArrayList<>();
  private final AtomicInteger onCancelRuns = new AtomicInteger();
  private final AtomicInteger launches = new AtomicInteger();

  private StopGuard guard(Instant deadline) {
    return new StopGuard(log::add, deadline, Duration.ofMinutes(2), onCancelRuns::incrementAndGet);
  }

  private StopGuard.Guarded run(StopGuard guard, ExecutionOutcome outcome) {
    return guard.run(
        "task_1",
        () -> {
          launches.incrementAndGet();
          return outcome;
        });
  }

  @Test
  void aScriptThatEndsByItselfIsTheCallersToRead() {
    ExecutionOutcome failed =
        new ExecutionOutcome.Failed(3, "script item 1 of 1 failed", List.of());
    StopGuard.Guarded guarded = run(guard(Instant.now().plusSeconds(60)), failed);
    assertSame(failed, assertInstanceOf(StopGuard.Ran.class, guarded).outcome());
    assertEquals(0, onCancelRuns.get());
    assertEquals(List.of(), log);
  }

  @Test
  void noScriptStartsOnceTheDeadlinePassed() {
    StopGuard.Guarded guarded =
        run(guard(Instant.now().minusSeconds(1)), new ExecutionOutcome.Succeeded(List.of()));
    assertEquals(0, launches.get());
    assertEquals(
        new TaskSequence.Outcome(RunStatus.TIMEOUT, Optional.of("timed out after 2 min")),
        assertInstanceOf(StopGuard.Stopped.class, guarded).outcome());
    assertEquals(List.of("the job ran out of time (2 min) before task_1"), log);
    assertEquals(1, onCancelRuns.get());
  }

  @Test
  void aTimedOutScriptEndsTheRunAfterOnCancel() {
    StopGuard.Guarded guarded =
        run(
            guard(Instant.now().plusSeconds(60)),
            new ExecutionOutcome.TimedOut(List.of("stopped: pid 7 (sleep 600), TERM")));
    assertEquals(
        new TaskSequence.Outcome(RunStatus.TIMEOUT, Optional.of("timed out after 2 min")),
        assertInstanceOf(StopGuard.Stopped.class, guarded).outcome());
    assertEquals(
        List.of(
            "timed out after 2 min; stopped every process of the job",
            "stopped: pid 7 (sleep 600), TERM"),
        log);
    assertEquals(1, onCancelRuns.get());
  }

  @Test
  void aCancelledScriptEndsTheRunCancelledAfterOnCancel() {
    StopGuard.Guarded guarded =
        run(guard(Instant.now().plusSeconds(60)), new ExecutionOutcome.Cancelled(List.of()));
    assertEquals(
        new TaskSequence.Outcome(
            RunStatus.CANCELLED,
            Optional.of(
                "cancelled on request (Ctrl-C, TERM, or a cancel through the API or the page)")),
        assertInstanceOf(StopGuard.Stopped.class, guarded).outcome());
    assertEquals(List.of("cancelled; stopped every process of the job"), log);
    assertEquals(1, onCancelRuns.get());
  }
}
