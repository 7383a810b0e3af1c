package dev.shiprun.runner.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.spi.ScriptOutput;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A script's silence on a clock of the test's. */
class SilenceWatchTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final SilenceWatch watch =
      new SilenceWatch(cancelled::get, Duration.ofNanos(100), now::get);
  private final ScriptOutput out =
      watch.watching(
          new ScriptOutput() {
            @Override
            public void write(Stream stream, byte[] bytes, int offset, int length) {}

            @Override
            public void end(Stream stream) {}
          });

  @Test
  void outputKeepsTheScriptAliveAndSilenceStopsIt() {
    now.addAndGet(90);
    assertFalse(watch.isCancelled());
    out.write(ScriptOutput.Stream.STDERR, new byte[] {'x'}, 0, 1);
    now.addAndGet(90);
    assertFalse(watch.isCancelled(), "the write reset the silence");
    now.addAndGet(20);
    assertTrue(watch.isCancelled());
    assertTrue(watch.wasSilent());
    out.write(ScriptOutput.Stream.STDOUT, new byte[] {'x'}, 0, 1);
    assertTrue(watch.isCancelled(), "once stopped it stays stopped");
  }

  @Test
  void aCancelOfTheRunIsNotSilence() {
    cancelled.set(true);
    assertTrue(watch.isCancelled());
    assertFalse(watch.wasSilent());
  }

  @Test
  void theLimitIsTenMinutesUnlessTheNodeSaysOtherwise() {
    assertEquals(Duration.ofMinutes(10), SilenceWatch.limit(Optional.empty()));
    assertEquals(Duration.ofSeconds(3), SilenceWatch.limit(Optional.of("3")));
    assertEquals(Duration.ofMinutes(10), SilenceWatch.limit(Optional.of("soon")));
  }
}
