package dev.shiprun.runner.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.masker.SecretMasker;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.log.JobLog;
import dev.shiprun.runner.engine.log.RunLogs;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.VersionKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One row per step outcome: the stored status and reason, the result, the log's last line. */
class JobEndingTest {

  @TempDir Path home;

  private Store store;
  private JobEnding ending;
  private Run run;
  private JobLog log;

  @BeforeEach
  void open() throws Exception {
    store = Store.open(home, new ObjectMapper());
    ending = new JobEnding(store, new DiskSpace(home));
    run = store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
    log =
        new JobLog(
            RunLogs.file(home, run.id()), "build", new SecretMasker(List.of()), (job, text) -> {});
  }

  @AfterEach
  void close() throws Exception {
    log.close();
    store.close();
  }

  private Run stored() {
    return store.transaction(c -> store.runs().get(c, run.id())).orElseThrow();
  }

  private String lastLogLine() throws Exception {
    log.close();
    List<String> lines = Files.readAllLines(RunLogs.file(home, run.id()), StandardCharsets.UTF_8);
    return lines.get(lines.size() - 1);
  }

  private JobResult end(StepOutcome outcome) {
    return ending.end(run, Instant.now(), log, Optional.empty(), outcome, List.of());
  }

  @Test
  void finishedFailureIsStoredWithItsReasonAndNoVersion() throws Exception {
    JobResult result = end(StepOutcome.Finished.of(RunStatus.FAILURE, "script item 1 of 1 failed"));
    assertEquals(RunStatus.FAILURE, result.status());
    assertEquals(Optional.of("script item 1 of 1 failed"), result.reason());
    assertEquals(List.of(), result.outVersions());
    assertEquals(RunStatus.FAILURE, stored().status());
    assertEquals(Optional.of("script item 1 of 1 failed"), stored().reason());
    assertTrue(lastLogLine().endsWith("failure: script item 1 of 1 failed"), lastLogLine());
  }

  @Test
  void finishedErrorWithoutReasonStoresNone() throws Exception {
    JobResult result = end(StepOutcome.Finished.of(RunStatus.ERROR, ""));
    assertEquals(RunStatus.ERROR, result.status());
    assertEquals(Optional.empty(), result.reason());
    assertEquals(Optional.empty(), stored().reason());
    assertTrue(lastLogLine().endsWith("error"), lastLogLine());
  }

  @Test
  void finishedCancelledAndTimeoutKeepTheirStatus() {
    assertEquals(
        RunStatus.CANCELLED,
        end(StepOutcome.Finished.of(RunStatus.CANCELLED, "cancelled on request")).status());
    assertEquals(RunStatus.CANCELLED, stored().status());
    Run second = store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
    JobResult timedOut =
        ending.end(
            second,
            Instant.now(),
            log,
            Optional.empty(),
            StepOutcome.Finished.of(RunStatus.TIMEOUT, "timed out after 1 min"),
            List.of());
    assertEquals(RunStatus.TIMEOUT, timedOut.status());
    assertEquals(
        RunStatus.TIMEOUT,
        store.transaction(c -> store.runs().get(c, second.id())).orElseThrow().status());
  }

  @Test
  void diskFullRemovesTheBuildFolderAndEndsInError() throws Exception {
    Workspace ws = Workspace.create(home.resolve("builds/line/build/1"), Optional.empty());
    JobResult result =
        ending.end(run, Instant.now(), log, Optional.of(ws), new StepOutcome.DiskFull(), List.of());
    assertEquals(RunStatus.ERROR, result.status());
    String reason = new DiskSpace(home).reason(true);
    assertEquals(Optional.of(reason), result.reason());
    assertEquals(Optional.of(reason), stored().reason());
    assertFalse(Files.exists(ws.root()));
    assertTrue(lastLogLine().endsWith("error: " + reason), lastLogLine());
  }

  @Test
  void postingStoresTheVersionsAndTheStatusTogether() throws Exception {
    JobResult result =
        end(
            new StepOutcome.Posting(
                RunStatus.SUCCESS,
                Optional.empty(),
                false,
                version("build", VersionKind.JOB),
                List.of(version("image", VersionKind.RESOURCE)),
                Map.of()));
    assertEquals(RunStatus.SUCCESS, result.status());
    assertEquals(1, result.outVersions().size());
    assertEquals("image", result.outVersions().get(0).name());
    assertEquals(RunStatus.SUCCESS, stored().status());
    assertTrue(
        store.transaction(c -> store.versions().latest(c, "line", "build")).isPresent(),
        "the job version is stored");
    assertTrue(lastLogLine().endsWith("success"), lastLogLine());
  }

  @Test
  void aFailureThatPostsSaysNoReasonInItsStatusLine() throws Exception {
    JobResult result =
        end(
            new StepOutcome.Posting(
                RunStatus.FAILURE,
                Optional.of("script item 1 of 1 failed"),
                false,
                version("build", VersionKind.JOB),
                List.of(),
                Map.of()));
    assertEquals(Optional.of("script item 1 of 1 failed"), result.reason());
    assertEquals(RunStatus.FAILURE, stored().status());
    assertTrue(lastLogLine().endsWith("failure"), lastLogLine());
  }

  @Test
  void aRefusedPostingSaysWhyInItsStatusLine() throws Exception {
    JobResult result =
        end(
            new StepOutcome.Posting(
                RunStatus.FAILURE,
                Optional.of("a version would hold a secret"),
                true,
                version("build", VersionKind.JOB),
                List.of(),
                Map.of()));
    assertEquals(RunStatus.FAILURE, result.status());
    assertEquals(List.of(), result.outVersions());
    assertTrue(lastLogLine().endsWith("failure: a version would hold a secret"), lastLogLine());
  }

  @Test
  void aLostLogStoresAnErrorWithTheReason() {
    JobResult result =
        ending.end(
            run,
            Instant.now(),
            null,
            Optional.empty(),
            new StepOutcome.LogLost("cannot write the log: Input/output error"),
            List.of());
    assertEquals(RunStatus.ERROR, result.status());
    assertEquals(Optional.of("cannot write the log: Input/output error"), stored().reason());
  }

  private NewVersion version(String name, VersionKind kind) {
    return new NewVersion(
        "line",
        name,
        kind,
        Optional.empty(),
        Map.of("k", "v"),
        Optional.empty(),
        OptionalLong.of(run.id()));
  }
}
