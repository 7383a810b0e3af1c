package dev.shiprun.runner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.shiprun.runner.exec.ScriptItem.Section;
import dev.shiprun.runner.exec.TaskOutcome.Failed;
import dev.shiprun.runner.exec.TaskOutcome.Succeeded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The semantics of a TASK's script items and hooks (spec §1.3.3, §1.3.4), run by real bash. */
@Timeout(60)
class TaskScriptTest {

  @TempDir Path dir;
  private final Exec exec = new Exec();
  private final RecordingSink sink = new RecordingSink();

  @Test
  void carriesDirectoryAndExportedVariablesFromOneItemToTheNext() throws IOException {
    Files.createDirectory(dir.resolve("sub"));

    TaskOutcome outcome =
        exec.runTask(
            dir,
            TaskScript.of(
                List.of("cd sub", "export GREETING='hi there'", "echo \"$PWD $GREETING\"")),
            sink);

    assertEquals(new Succeeded(), outcome);
    assertEquals(List.of(dir.toRealPath().resolve("sub") + " hi there"), sink.stdout());
  }

  @Test
  void endsAtTheFirstFailingCommandAndNamesItsItem() throws IOException {
    TaskOutcome outcome =
        exec.runTask(
            dir,
            TaskScript.of(
                List.of(
                    "echo one",
                    "echo two",
                    "echo three\nbash -c 'exit 7'\necho not reached",
                    "echo never")),
            sink);

    assertEquals(
        new Failed(
            7,
            Optional.of(new ScriptItem(Section.SCRIPT, 2, 4)),
            "script item 3 of 4 failed with exit code 7"),
        outcome);
    assertEquals(List.of("one", "two", "three"), sink.stdout());
  }

  @Test
  void failsOnAFailureInsideAFunctionOrACommandSubstitution() throws IOException {
    TaskOutcome inFunction =
        exec.runTask(
            dir, TaskScript.of(List.of("f() { false; echo in f; }\nf\necho after f")), sink);
    TaskOutcome inSubstitution =
        exec.runTask(dir, TaskScript.of(List.of("x=$(false; echo hi)\necho \"x=$x\"")), sink);

    assertEquals(1, assertInstanceOf(Failed.class, inFunction).exitCode());
    assertEquals(1, assertInstanceOf(Failed.class, inSubstitution).exitCode());
    assertEquals(List.of(), sink.stdout());
  }

  @Test
  void runsItemTextExactlyAsWritten() throws IOException {
    TaskOutcome outcome =
        exec.runTask(
            dir,
            TaskScript.of(
                List.of(
                    "cat <<'EOF'\nliteral $HOME `date` \\ \"q\" 'q' \\n\nEOF",
                    "printf '%s|%s\\n' \"a\\\\b\" 'c$d'",
                    "cat <<EOF\nheredoc at the end without a newline\nEOF")),
            sink);

    assertEquals(new Succeeded(), outcome);
    assertEquals(
        List.of(
            "literal $HOME `date` \\ \"q\" 'q' \\n",
            "a\\b|c$d",
            "heredoc at the end without a newline"),
        sink.stdout());
  }

  @Test
  void withTheErrTrapDisabledAnItemFailsOnlyByItsLastCommand() throws IOException {
    TaskOutcome outcome =
        exec.runTask(
            dir,
            TaskScript.of(List.of("trap '' ERR\nfalse\necho continued\nfalse", "echo never")),
            sink);

    assertEquals("script item 1 of 2 failed with exit code 1", failure(outcome).message());
    assertEquals(List.of("continued"), sink.stdout());
  }

  @Test
  void afterAFailedItemRunsOnFailureAndAlwaysIgnoringTheirErrors() throws IOException {
    TaskOutcome outcome =
        exec.runTask(
            dir,
            new TaskScript(
                List.of("export STAGE=build", "exit 3"),
                List.of("echo success hook"),
                List.of("echo \"failure hook after $STAGE\"\nfalse\necho still in failure hook"),
                List.of("echo always hook")),
            sink);

    assertEquals("script item 2 of 2 failed with exit code 3", failure(outcome).message());
    assertEquals(
        List.of("failure hook after build", "still in failure hook", "always hook"), sink.stdout());
  }

  @Test
  void aScriptsOwnExitTrapDoesNotKeepOnFailureFromRunning() throws IOException {
    TaskOutcome outcome =
        exec.runTask(
            dir,
            new TaskScript(
                List.of("trap 'echo own exit trap' EXIT", "false"),
                List.of(),
                List.of("echo failure hook"),
                List.of()),
            sink);

    assertEquals("script item 2 of 2 failed with exit code 1", failure(outcome).message());
    assertEquals(List.of("failure hook", "own exit trap"), sink.stdout());
  }

  @Test
  void afterAllItemsRunsOnSuccessThenAlwaysInTheSameShell() throws IOException {
    TaskOutcome outcome =
        exec.runTask(
            dir,
            new TaskScript(
                List.of("export STAGE=build"),
                List.of("echo \"success hook after $STAGE\""),
                List.of("echo failure hook"),
                List.of("echo always hook")),
            sink);

    assertEquals(new Succeeded(), outcome);
    assertEquals(List.of("success hook after build", "always hook"), sink.stdout());
  }

  @Test
  void aFailingOnSuccessFailsTheTaskAndSkipsAlways() throws IOException {
    TaskOutcome outcome =
        exec.runTask(
            dir,
            new TaskScript(
                List.of("true"),
                List.of("echo success hook", "exit 4"),
                List.of("echo failure hook"),
                List.of("echo always hook")),
            sink);

    assertEquals(
        new Failed(
            4,
            Optional.of(new ScriptItem(Section.ON_SUCCESS, 1, 2)),
            "on_success item 2 of 2 failed with exit code 4"),
        outcome);
    assertEquals(List.of("success hook"), sink.stdout());
  }

  @Test
  void anEarlyExitZeroEndsTheTaskAsASuccess() throws IOException {
    TaskOutcome outcome =
        exec.runTask(dir, TaskScript.of(List.of("echo a", "exit 0", "echo never")), sink);

    assertEquals(new Succeeded(), outcome);
    assertEquals(List.of("a"), sink.stdout());
  }

  @Test
  void exitingAfterResettingTheExitTrapFailsTheTask() throws IOException {
    TaskOutcome outcome =
        exec.runTask(dir, TaskScript.of(List.of("trap - EXIT\nexit 0", "echo never")), sink);

    Failed failed = failure(outcome);
    assertEquals(0, failed.exitCode());
    assertEquals(Optional.of(new ScriptItem(Section.SCRIPT, 0, 2)), failed.item());
  }

  @Test
  void aCancelledTaskRunsNoFailureHooks() throws Exception {
    TaskScriptFile file =
        new TaskScript(
                List.of("echo ready\nsleep 1000"),
                List.of(),
                List.of("touch failure-hook-ran"),
                List.of("touch always-hook-ran"))
            .writeTo(dir.resolve("scripts"), "task_0");
    Cancellation cancellation = new Cancellation();

    CompletableFuture<LaunchResult> result =
        CompletableFuture.supplyAsync(
            () ->
                exec.launcher.run(
                    new Launch(file.wrapper(), dir, Exec.PATH_ONLY, exec.token, Exec.LONG),
                    sink,
                    cancellation));
    sink.arrival("ready").get(30, TimeUnit.SECONDS);
    cancellation.cancel();

    assertInstanceOf(LaunchResult.Cancelled.class, result.get(30, TimeUnit.SECONDS));
    assertFalse(Files.exists(dir.resolve("failure-hook-ran")));
    assertFalse(Files.exists(dir.resolve("always-hook-ran")));
  }

  private static Failed failure(TaskOutcome outcome) {
    return assertInstanceOf(Failed.class, outcome);
  }
}
