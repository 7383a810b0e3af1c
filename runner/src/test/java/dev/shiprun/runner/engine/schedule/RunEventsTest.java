package dev.shiprun.runner.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.plugin.PluginLoader;
import dev.shiprun.runner.store.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A listener hears a real run's events, in order, from the engine both front ends use. */
class RunEventsTest {

  private static final String LINE =
      """
      resources:
        - name: go
          type: params
          versionTemplate: {params: {X: "1"}}
        - name: result
          type: params
          versionTemplate: {params: {R: "0"}}
      jobs:
        - name: build
          type: runSh
          steps:
            - IN: go
            - TASK: {name: first, script: ['echo hello from first']}
            - TASK:
                name: second
                script: ['echo hello from second', 'shipctl put_resource_state result R 1']
            - OUT: result
      """;

  @TempDir Path home;

  private final List<RunEvent> heard = new CopyOnWriteArrayList<>();

  @Test
  void aListenerHearsTheJobsEventsInOrder() {
    LineRunner.Outcome outcome =
        LineRuns.run(home, new PluginLoader().load(List.of()), LINE, List.of("build"), heard::add);
    assertTrue(outcome.allSucceeded(), heard.toString());

    List<String> order = new ArrayList<>();
    for (RunEvent event : heard) {
      assertEquals("build", event.job());
      String what =
          switch (event.getClass().getSimpleName()) {
            case "LogLine" -> {
              String text = ((RunEvent.LogLine) event).text();
              yield text.contains("hello from")
                  ? "log " + text.substring(text.indexOf("hello"))
                  : null;
            }
            case "TaskStarted" ->
                "begin "
                    + ((RunEvent.TaskStarted) event).task()
                    + " "
                    + ((RunEvent.TaskStarted) event).kind().wire();
            case "TaskEnded" ->
                "task "
                    + ((RunEvent.TaskEnded) event).step().name()
                    + " "
                    + ((RunEvent.TaskEnded) event).step().status();
            case "VersionsPosted" ->
                "posted "
                    + ((RunEvent.VersionsPosted) event)
                        .versions().stream().map(v -> v.name()).toList();
            case "JobEnded" ->
                "ended "
                    + ((RunEvent.JobEnded) event).result().map(JobResult::status).orElseThrow();
            case "Masked" -> null;
            default -> event.getClass().getSimpleName();
          };
      if (what != null) {
        order.add(what);
      }
    }
    assertEquals(
        List.of(
            "JobStarted",
            "begin first task",
            "log hello from first",
            "task first " + RunStatus.SUCCESS,
            "begin second task",
            "log hello from second",
            "task second " + RunStatus.SUCCESS,
            "posted [result]",
            "ended " + RunStatus.SUCCESS),
        order);
    long runs = heard.stream().map(RunEvent::runId).distinct().count();
    assertEquals(1, runs, "every event names the one run");
    RunEvent.JobStarted started = (RunEvent.JobStarted) heard.get(0);
    assertEquals("web", started.line());
    assertEquals("manual", started.triggeredBy());
    assertEquals(Optional.empty(), started.queuedAt(), "a run made as it began was never queued");
  }
}
