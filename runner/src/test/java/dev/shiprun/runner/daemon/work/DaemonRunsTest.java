package dev.shiprun.runner.daemon.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.Poll;
import dev.shiprun.runner.daemon.DaemonLog;
import dev.shiprun.runner.daemon.DaemonSettings;
import dev.shiprun.runner.daemon.ProblemException;
import dev.shiprun.runner.daemon.api.ApiToken;
import dev.shiprun.runner.daemon.api.DaemonContext;
import dev.shiprun.runner.engine.job.NodeRuntime;
import dev.shiprun.runner.plugin.PluginLoader;
import dev.shiprun.runner.store.LineSource;
import dev.shiprun.runner.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's run side without HTTP: its limits and its own log, on a real store. */
class DaemonRunsTest {

  private static final String LINE =
      """
      resources:
        - name: knob
          type: params
          versionTemplate: {params: {A: "1"}}
      jobs:
        - name: hello
          type: runSh
          steps:
            - IN: knob
            - TASK: {script: ['echo hi']}
      """;

  @TempDir Path home;

  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

  private DaemonContext.Opened open(Store store, int maxQueued, DaemonLog.Format format) {
    store.transaction(
        c ->
            store
                .lines()
                .put(c, LineSource.uploaded("web", Map.of("shippable.yml", LINE), Instant.now())));
    DaemonSettings settings =
        new DaemonSettings(
            1,
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            maxQueued,
            200,
            format,
            Map.of("PATH", System.getenv("PATH")),
            false,
            NodeRuntime.defaults(Map.of()),
            Map.of());
    return DaemonContext.Opened.of(
        home,
        store,
        ApiToken.of("made-up-token-for-DaemonRunsTest"),
        Optional.empty(),
        settings,
        new DaemonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), format),
        new PluginLoader().load(List.of()));
  }

  @Test
  void aFullQueueRefusesWith429AndSaysHowToRaiseTheLimit() {
    try (Store store = Store.open(home, new ObjectMapper())) {
      DaemonRuns runs = open(store, 2, DaemonLog.Format.TEXT).runs();
      runs.trigger("web", "hello", Map.of());
      runs.trigger("web", "hello", Map.of());
      ProblemException full =
          assertThrows(ProblemException.class, () -> runs.trigger("web", "hello", Map.of()));
      assertEquals(429, full.problem().status());
      assertTrue(full.problem().detail().contains("--max-queued"), full.problem().detail());
      String log = logged.toString(StandardCharsets.UTF_8);
      assertTrue(log.contains("queued: web/hello #2"), log);
    }
  }

  @Test
  void aStoppingDaemonTakesNoRunsAndItsLogIsJsonOnRequest() throws Exception {
    try (Store store = Store.open(home, new ObjectMapper())) {
      DaemonRuns runs = open(store, 10, DaemonLog.Format.JSON).runs();
      runs.start();
      long id = runs.trigger("web", "hello", Map.of()).id();
      Poll.until(
          Duration.ofSeconds(30),
          "run " + id + " never ended",
          () -> runs.run(id).orElseThrow().status().isFinal());
      runs.stop();
      ProblemException stopping =
          assertThrows(ProblemException.class, () -> runs.trigger("web", "hello", Map.of()));
      assertEquals(503, stopping.problem().status());
      String[] lines = logged.toString(StandardCharsets.UTF_8).strip().split("\n");
      ObjectMapper json = new ObjectMapper();
      for (String line : lines) {
        assertTrue(json.readTree(line).has("event"), "one JSON object per line: " + line);
      }
      assertTrue(
          logged.toString(StandardCharsets.UTF_8).contains("\"event\":\"finished\""),
          logged.toString(StandardCharsets.UTF_8));
      assertTrue(
          logged.toString(StandardCharsets.UTF_8).contains("\"status\":\"success\""),
          logged.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void itsLogSaysWhenAQueuedRunBeganWhatTriggeredItAndHowLongItWaited() throws Exception {
    try (Store store = Store.open(home, new ObjectMapper())) {
      DaemonRuns runs = open(store, 10, DaemonLog.Format.JSON).runs();
      long id = runs.trigger("web", "hello", Map.of()).id();
      runs.start();
      Poll.until(
          Duration.ofSeconds(30),
          "run " + id + " never ended",
          () -> runs.run(id).orElseThrow().status().isFinal());
      runs.stop();
      ObjectMapper json = new ObjectMapper();
      String log = logged.toString(StandardCharsets.UTF_8);
      com.fasterxml.jackson.databind.JsonNode began = null;
      for (String line : log.strip().split("\n")) {
        com.fasterxml.jackson.databind.JsonNode entry = json.readTree(line);
        if (entry.get("event").asText().equals("began")) {
          began = entry;
        }
      }
      assertTrue(began != null, log);
      assertEquals(id, began.get("run").asLong(), log);
      assertEquals("manual", began.get("triggeredBy").asText(), log);
      assertTrue(began.get("waitMs").isIntegralNumber() && began.get("waitMs").asLong() >= 0, log);
      assertEquals("run " + id + " began: web/hello", began.get("message").asText(), log);
    }
  }
}
