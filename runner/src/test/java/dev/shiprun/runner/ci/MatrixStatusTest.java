package dev.shiprun.runner.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.runner.ci.MatrixStatus.Ended;
import dev.shiprun.spi.BodyOutcome.Ending;
import dev.shiprun.spi.ExecutionOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A build's status from its jobs', and a job's from how its script ended. */
class MatrixStatusTest {

  private static Ended must(MatrixStatus s) {
    return new Ended(s, false);
  }

  private static Ended may(MatrixStatus s) {
    return new Ended(s, true);
  }

  @Test
  void theWorstOfTheJobsThatMayNotFail() {
    assertEquals(
        Ending.SUCCESS,
        MatrixStatus.build(List.of(must(MatrixStatus.SUCCESS), must(MatrixStatus.SUCCESS)), false));
    assertEquals(
        Ending.FAILURE,
        MatrixStatus.build(List.of(must(MatrixStatus.SUCCESS), must(MatrixStatus.FAILURE)), false));
    assertEquals(
        Ending.ERROR,
        MatrixStatus.build(List.of(must(MatrixStatus.ERROR), must(MatrixStatus.FAILURE)), false));
    assertEquals(
        Ending.TIMEOUT,
        MatrixStatus.build(
            List.of(
                must(MatrixStatus.FAILURE), must(MatrixStatus.TIMEOUT), must(MatrixStatus.ERROR)),
            false));
  }

  @Test
  void aJobAllowedToFailNeverFailsTheBuild() {
    assertEquals(
        Ending.SUCCESS,
        MatrixStatus.build(
            List.of(
                must(MatrixStatus.SUCCESS),
                may(MatrixStatus.FAILURE),
                may(MatrixStatus.TIMEOUT),
                may(MatrixStatus.ERROR)),
            false));
    assertEquals(
        Ending.FAILURE,
        MatrixStatus.build(List.of(must(MatrixStatus.FAILURE), may(MatrixStatus.TIMEOUT)), false));
  }

  @Test
  void aCancelledRunIsCancelledWhateverItsJobs() {
    assertEquals(
        Ending.CANCELLED,
        MatrixStatus.build(List.of(must(MatrixStatus.SUCCESS), must(MatrixStatus.SKIPPED)), true));
  }

  @Test
  void aJobsStatusFromItsScript() {
    assertEquals(
        MatrixStatus.SUCCESS, MatrixStatus.of(new ExecutionOutcome.Succeeded(List.of()), false));
    assertEquals(
        MatrixStatus.FAILURE,
        MatrixStatus.of(new ExecutionOutcome.Failed(1, "x", List.of()), false));
    assertEquals(
        MatrixStatus.TIMEOUT, MatrixStatus.of(new ExecutionOutcome.TimedOut(List.of()), false));
    assertEquals(
        MatrixStatus.CANCELLED, MatrixStatus.of(new ExecutionOutcome.Cancelled(List.of()), false));
    assertEquals(
        MatrixStatus.TIMEOUT,
        MatrixStatus.of(new ExecutionOutcome.Cancelled(List.of()), true),
        "stopped for its silence");
    assertEquals(MatrixStatus.ERROR, MatrixStatus.of(new ExecutionOutcome.Errored("x"), false));
  }
}
