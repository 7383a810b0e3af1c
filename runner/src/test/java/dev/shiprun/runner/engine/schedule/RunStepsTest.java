package dev.shiprun.runner.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.plugin.PluginLoader;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.RunStep;
import dev.shiprun.runner.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps of real runs in bash: each TASK and hook section with its status, start and duration,
 * in order, told as they begin and end, in the job's result and stored with the run's end.
 */
class RunStepsTest {

  private static final String LINE =
      """
      resources:
        - name: go
          type: params
          versionTemplate: {params: {X: "1"}}
      jobs:
        - name: build
          type: runSh
          steps:
            - IN: go
            - TASK: {name: compile, script: ['sleep 0.3', 'echo compiled']}
            - TASK: {name: package, script: ['echo packaged']}
          on_start:
            script: ['echo starting']
          on_success:
            script: ['sleep 0.2', 'echo done']
          on_failure:
            script: ['echo sad']
        - name: broken
          type: runSh
          steps:
            - IN: go
            - TASK: {name: prepare, script: ['echo prepared']}
            - TASK: {name: compile, script: ['echo compiling', 'exit 4', 'echo never']}
          on_success:
            script: ['echo never']
          on_failure:
            script: ['sleep 0.2', 'echo sad']
          always:
            script: ['echo always']
      """;

  @TempDir Path home;

  private final List<RunEvent> heard = new CopyOnWriteArrayList<>();

  private JobResult run(String job) {
    LineRunner.Outcome outcome =
        LineRuns.run(home, new PluginLoader().load(List.of()), LINE, List.of(job), heard::add);
    assertEquals(1, outcome.results().size(), outcome.toString());
    return outcome.results().get(0);
  }

  private Run stored(long id) {
    try (Store store = Store.open(home, new ObjectMapper())) {
      return store.transaction(c -> store.runs().get(c, id)).orElseThrow();
    }
  }

  private static List<String> shape(List<RunStep> steps) {
    return steps.stream()
        .map(s -> s.kind().wire() + " " + s.name() + " " + s.status().wire())
        .toList();
  }

  @Test
  void aRunHasItsHooksAndTasksAsStepsInOrder() {
    JobResult result = run("build");
    assertEquals(RunStatus.SUCCESS, result.status());
    List<String> expected =
        List.of(
            "hook on_start success",
            "task compile success",
            "task package success",
            "hook on_success success");
    assertEquals(expected, shape(result.steps()));
    assertTrue(
        result.steps().get(1).duration().compareTo(Duration.ofMillis(300)) >= 0,
        "compile sleeps 0.3 s: " + result.steps());
    assertTrue(
        result.steps().get(3).duration().compareTo(Duration.ofMillis(200)) >= 0,
        "on_success sleeps 0.2 s, and is not counted in package: " + result.steps());
    assertTrue(
        result.steps().get(2).duration().compareTo(Duration.ofMillis(200)) < 0,
        "package alone is quick: " + result.steps());
    for (int i = 1; i < result.steps().size(); i++) {
      RunStep before = result.steps().get(i - 1);
      assertFalse(
          result.steps().get(i).startedAt().isBefore(before.startedAt().plus(before.duration())),
          "steps follow one another: " + result.steps());
    }

    Run run = stored(result.runId());
    assertEquals(expected, shape(run.steps()), "stored with the run's end");
    assertEquals(RunStatus.SUCCESS, run.status());
    for (int i = 0; i < run.steps().size(); i++) {
      assertEquals(
          result.steps().get(i).duration().toMillis(), run.steps().get(i).duration().toMillis());
      assertEquals(result.steps().get(i).startedAt(), run.steps().get(i).startedAt());
    }

    List<String> told = new ArrayList<>();
    for (RunEvent event : heard) {
      if (event instanceof RunEvent.TaskStarted started) {
        told.add("begin " + started.task());
      } else if (event instanceof RunEvent.TaskEnded ended) {
        told.add("end " + ended.step().name() + " " + ended.step().status().wire());
      }
    }
    assertEquals(
        List.of(
            "begin on_start",
            "end on_start success",
            "begin compile",
            "end compile success",
            "begin package",
            "end package success",
            "begin on_success",
            "end on_success success"),
        told);
  }

  @Test
  void aFailingTaskFailsItsStepAndOnFailureRunsAsAStepOfItsOwn() {
    JobResult result = run("broken");
    assertEquals(RunStatus.FAILURE, result.status());
    List<String> expected =
        List.of(
            "task prepare success",
            "task compile failure",
            "hook on_failure success",
            "hook always success");
    assertEquals(expected, shape(result.steps()), "on_success never ran");
    assertTrue(
        result.steps().get(2).duration().compareTo(Duration.ofMillis(200)) >= 0,
        "on_failure sleeps 0.2 s: " + result.steps());
    assertEquals(expected, shape(stored(result.runId()).steps()));
  }
}
