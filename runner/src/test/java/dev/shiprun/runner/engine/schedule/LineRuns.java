package dev.shiprun.runner.engine.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.Job;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.env.SecureParams;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.event.RunListener;
import dev.shiprun.runner.engine.job.EngineSettings;
import dev.shiprun.runner.engine.job.NodeRuntime;
import dev.shiprun.runner.exec.ExecOptions;
import dev.shiprun.runner.plugin.Plugins;
import dev.shiprun.runner.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs jobs of a line given as YAML on the engine both front ends use, with a real store in a
 * test's home, real processes and the given plugins; the engine's progress goes nowhere.
 */
public final class LineRuns {

  private LineRuns() {}

  /** A manual run of {@code jobs} of the line {@code web}; the store is closed when it returns. */
  public static LineRunner.Outcome run(
      Path home, Plugins plugins, String yaml, List<String> jobs, RunListener events) {
    AssemblyLine line =
        new AssemblyLineLoader()
            .load(
                List.of(new PipelineFile("shippable.yml", yaml.getBytes(StandardCharsets.UTF_8))),
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
    try (Store store = Store.open(home, new ObjectMapper());
        Engine engine =
            Engine.open(store, settings, ExecOptions.defaults(), killed -> {}, plugins)) {
      return new LineRunner(engine, new QuietProgress(), events)
          .run(new LineRunner.Request("web", line, jobs, false, Map.of(), SecureParams.NONE, 1));
    }
  }

  /** Progress that says nothing: tests that look at something else extend it. */
  public static class QuietProgress implements LineRunner.Progress {
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
