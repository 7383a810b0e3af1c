package dev.shiprun.runner.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.Job;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.env.SecureParams;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.engine.job.EngineSettings;
import dev.shiprun.runner.engine.job.NodeRuntime;
import dev.shiprun.runner.exec.ExecOptions;
import dev.shiprun.runner.plugin.PluginLoader;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    AssemblyLine line =
        new AssemblyLineLoader()
            .load(
                List.of(new PipelineFile("shippable.yml", LINE.getBytes(StandardCharsets.UTF_8))),
                new Diagnostics())
            .valid()
            .orElseThrow()
            .line();
    EngineSettings settings =
        new EngineSettings(
            home,
            Optional.empty(),
            Duration.ofSeconds(1),
            Map.of("PATH", System.getenv("PATH")),
            false,
            false,
            false,
            NodeRuntime.defaults(Map.of()));
    LineRunner.Outcome outcome;
    try (Store store = Store.open(home, new ObjectMapper());
        Engine engine =
            Engine.open(
                store,
                settings,
                ExecOptions.defaults(),
                killed -> {},
                new PluginLoader().load(List.of()))) {
      outcome =
          new LineRunner(engine, new Quiet(), heard::add)
              .run(
                  new LineRunner.Request(
                      "web", line, List.of("build"), false, Map.of(), SecureParams.NONE, 1));
    }
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
            case "TaskEnded" ->
                "task "
                    + ((RunEvent.TaskEnded) event).task()
                    + " "
                    + ((RunEvent.TaskEnded) event).status();
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
            "log hello from first",
            "task first " + RunStatus.SUCCESS,
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

  /** Progress is not what this test looks at. */
  private static final class Quiet implements LineRunner.Progress {
    @Override
    public void started(Job job) {}

    @Override
    public void waiting(Job job, String why) {}

    @Override
    public void leftOut(Job job, String why) {}

    @Override
    public void repository(String resource, String text) {}

    @Override
    public void note(String text) {}

    @Override
    public void finished(JobResult result) {}
  }
}
