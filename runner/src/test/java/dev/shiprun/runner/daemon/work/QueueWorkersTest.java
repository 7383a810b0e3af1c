package dev.shiprun.runner.daemon.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.runner.Poll;
import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.engine.event.RunListener;
import dev.shiprun.runner.engine.job.EngineSettings;
import dev.shiprun.runner.engine.job.NodeRuntime;
import dev.shiprun.runner.engine.schedule.LineRunner;
import dev.shiprun.runner.engine.schedule.LineRuns;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's workers on a real store with real bash jobs. */
class QueueWorkersTest {

  private static final String LINE =
      """
      resources:
        - name: go
          type: params
          versionTemplate: {params: {X: "1"}}
      jobs:
        - name: mark
          type: runSh
          steps:
            - IN: go
            - TASK: {script: ['echo "$WHO" >> "$MARKS"']}
        - name: sleeper
          type: runSh
          steps:
            - IN: go
            - TASK: {script: ['echo sleeping', 'sleep 30']}
      """;

  @TempDir Path home;

  private final List<String> notes = new CopyOnWriteArrayList<>();

  /** What the listener heard, in order: "began 3 mark", "line 3 <text>", "ended 3 mark". */
  private final List<String> heard = new CopyOnWriteArrayList<>();

  private final RunListener watch =
      event -> {
        if (event instanceof RunEvent.JobStarted started) {
          heard.add("began " + started.runId() + " " + started.job());
        } else if (event instanceof RunEvent.LogLine line) {
          heard.add("line " + line.runId() + " " + line.text());
        } else if (event instanceof RunEvent.JobEnded ended) {
          heard.add("ended " + ended.runId() + " " + ended.job());
        }
      };

  private final LineRunner.Progress progress =
      new LineRuns.QuietProgress() {
        @Override
        public void note(String text) {
          notes.add(text);
        }
      };

  /**
   * Line a's and b's job: marks WHO.began, waits for the test to make WHO.go, marks WHO.ended; then
   * the job it triggers marks WHO.follow and waits for WHO.follow.go.
   */
  private static final String GATED =
      """
      resources:
        - name: go
          type: params
          versionTemplate: {params: {X: "1"}}
      jobs:
        - name: gated
          type: runSh
          steps:
            - IN: go
            - TASK:
                script:
                  - 'touch "$MARKS/$WHO.began"'
                  - 'until [ -e "$MARKS/$WHO.go" ]; do sleep 0.02; done'
                  - 'touch "$MARKS/$WHO.ended"'
        - name: follow
          type: runSh
          steps:
            - IN: gated
            - TASK:
                script:
                  - 'touch "$MARKS/$WHO.follow"'
                  - 'until [ -e "$MARKS/$WHO.follow.go" ]; do sleep 0.02; done'
      """;

  private static AssemblyLine line() {
    return line(LINE);
  }

  private static AssemblyLine line(String yaml) {
    return new AssemblyLineLoader()
        .load(
            List.of(new PipelineFile("shippable.yml", yaml.getBytes(StandardCharsets.UTF_8))),
            new Diagnostics())
        .valid()
        .orElseThrow()
        .line();
  }

  private QueueWorkers workers(Store store, int concurrency) {
    AssemblyLine line = line();
    return workers(
        store,
        concurrency,
        name ->
            name.equals("web")
                ? new QueueWorkers.Lines.Result(Optional.of(line), "")
                : new QueueWorkers.Lines.Result(Optional.empty(), "no such line"));
  }

  private QueueWorkers workers(Store store, int concurrency, QueueWorkers.Lines lines) {
    return new QueueWorkers(
        store,
        new EngineSettings(
            home,
            Optional.empty(),
            Duration.ofMillis(300),
            Map.of("PATH", System.getenv("PATH")),
            false,
            false,
            false,
            NodeRuntime.defaults(Map.of())),
        lines,
        Map::of,
        progress,
        watch,
        concurrency,
        Duration.ofMillis(200));
  }

  private static void await(BooleanSupplier condition, String what) throws Exception {
    Poll.until(Duration.ofSeconds(60), what, condition::getAsBoolean);
  }

  private static List<Run> runs(Store store) {
    return store.transaction(c -> store.runs().list(c, Optional.empty(), Optional.empty(), 100));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void queuedRequestsAreDrainedWithTheirVariables() throws Exception {
    Path marks = home.resolve("marks.txt");
    try (Store store = Store.open(home, new ObjectMapper())) {
      for (String who : List.of("a", "b", "c")) {
        store.transaction(
            c ->
                store
                    .queue()
                    .submit(
                        c, "web", "mark", "manual", Map.of("WHO", who, "MARKS", marks.toString())));
      }
      Run gone =
          store.transaction(c -> store.queue().submit(c, "gone", "mark", "manual", Map.of()));
      QueueWorkers workers = workers(store, 2);
      workers.start();
      try {
        await(
            () ->
                runs(store).stream().filter(r -> r.status() == RunStatus.SUCCESS).count() == 3
                    && store.<Integer>transaction(c -> store.queue().length(c)) == 0,
            "three successful runs and an empty queue");
      } finally {
        workers.stop(Duration.ofSeconds(10));
      }
      assertEquals(
          List.of("a", "b", "c"),
          Files.readAllLines(marks).stream().sorted().toList(),
          "each request ran once with its own variables");
      assertTrue(notes.stream().anyMatch(n -> n.contains("no such line")), notes.toString());
      Run refused = store.transaction(c -> store.runs().get(c, gone.id())).orElseThrow();
      assertEquals(RunStatus.ERROR, refused.status(), "a request that cannot run ends its run");
      assertEquals(Optional.of("no such line"), refused.reason());
      for (Run run : runs(store)) {
        if (run.status() == RunStatus.SUCCESS) {
          int began = heard.indexOf("began " + run.id() + " mark");
          int ended = heard.indexOf("ended " + run.id() + " mark");
          assertTrue(began >= 0 && ended > began, heard.toString());
          assertTrue(
              heard.subList(began, ended).stream()
                  .anyMatch(h -> h.startsWith("line " + run.id() + " [shiprun] run " + run.id())),
              "its lines come between, by run id: " + heard);
        }
      }
      assertTrue(heard.contains("ended " + gone.id() + " mark"), "waiters hear of it: " + heard);
      assertEquals(
          0,
          (int) store.<Integer>transaction(c -> requestsLeft(c)),
          "a request leaves the queue with its run's end, taken ones included");
    }
  }

  /** Every request in the store, whatever its status. */
  private static int requestsLeft(java.sql.Connection c) throws java.sql.SQLException {
    try (var s = c.createStatement();
        var r = s.executeQuery("SELECT COUNT(*) FROM run_request")) {
      r.next();
      return r.getInt(1);
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aBusyLineHoldsNoWorkerWhileAnotherLineWaits() throws Exception {
    Path marks = Files.createDirectories(home.resolve("marks"));
    AssemblyLine gated = line(GATED);
    try (Store store = Store.open(home, new ObjectMapper())) {
      for (String who : List.of("A1", "A2", "B1", "B2")) {
        String line = who.startsWith("A") ? "a" : "b";
        store.transaction(
            c ->
                store
                    .queue()
                    .submit(
                        c, line, "gated", "manual", Map.of("WHO", who, "MARKS", marks.toString())));
      }
      QueueWorkers workers =
          workers(
              store, 2, name -> new QueueWorkers.Lines.Result(Optional.of(gated), "no such line"));
      workers.start();
      try {
        // Two workers take A1 (the oldest) and B1 (A2 waits for its line); either may begin first.
        await(
            () ->
                Files.exists(marks.resolve("A1.began")) && Files.exists(marks.resolve("B1.began")),
            "A1 and B1 to begin");
        assertFalse(Files.exists(marks.resolve("A1.ended")), "A1 still runs");
        assertFalse(Files.exists(marks.resolve("A2.began")), "A2 waits for A1");

        Files.createFile(marks.resolve("A1.go"));
        await(() -> Files.exists(marks.resolve("A1.follow")), "the job A1 triggers to begin");
        assertFalse(
            Files.exists(marks.resolve("A2.began")), "A2 waits for what A1 triggered as well");

        Files.createFile(marks.resolve("A1.follow.go"));
        await(() -> Files.exists(marks.resolve("A2.began")), "A2 to begin once A1 is done");
        assertFalse(Files.exists(marks.resolve("B2.began")), "B2 still waits for B1");
        for (String who : List.of("A2", "B1", "B2")) {
          Files.createFile(marks.resolve(who + ".go"));
          Files.createFile(marks.resolve(who + ".follow.go"));
        }
        await(
            () -> runs(store).stream().filter(r -> r.status() == RunStatus.SUCCESS).count() == 8,
            "four requests, each with the job it triggers, to succeed");
      } finally {
        workers.stop(Duration.ofSeconds(10));
      }
      for (String line : List.of("a", "b")) {
        List<Run> ofLine =
            runs(store).stream()
                .filter(r -> r.line().equals(line))
                .sorted(java.util.Comparator.comparing(r -> r.startedAt().orElseThrow()))
                .toList();
        for (int i = 1; i < ofLine.size(); i++) {
          assertFalse(
              ofLine
                  .get(i)
                  .startedAt()
                  .orElseThrow()
                  .isBefore(ofLine.get(i - 1).finishedAt().orElseThrow()),
              "runs of line " + line + " one at a time: " + ofLine);
        }
      }
      assertEquals(0, (int) store.<Integer>transaction(c -> requestsLeft(c)));
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void oneRunIsCancelledByItsId() throws Exception {
    try (Store store = Store.open(home, new ObjectMapper())) {
      Run sleeper =
          store.transaction(c -> store.queue().submit(c, "web", "sleeper", "manual", Map.of()));
      QueueWorkers workers = workers(store, 1);
      workers.start();
      try {
        await(() -> heard.contains("began " + sleeper.id() + " sleeper"), "the sleeper to begin");
        assertFalse(workers.cancel(sleeper.id() + 1000), "an id no worker runs");
        assertTrue(workers.cancel(sleeper.id()));
        await(() -> heard.contains("ended " + sleeper.id() + " sleeper"), "the sleeper to end");
        Run run = store.transaction(c -> store.runs().get(c, sleeper.id())).orElseThrow();
        assertEquals(RunStatus.CANCELLED, run.status());
        assertEquals(0, (int) store.<Integer>transaction(c -> store.queue().length(c)));
      } finally {
        workers.stop(Duration.ofSeconds(5));
      }
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void stopCancelsWhatIsStillRunningAfterTheGracePeriod() throws Exception {
    try (Store store = Store.open(home, new ObjectMapper())) {
      Run sleeper =
          store.transaction(c -> store.queue().submit(c, "web", "sleeper", "manual", Map.of()));
      Run waiting =
          store.transaction(c -> store.queue().submit(c, "web", "mark", "manual", Map.of()));
      QueueWorkers workers = workers(store, 1);
      workers.start();
      await(
          () -> runs(store).stream().anyMatch(r -> r.status() == RunStatus.PROCESSING),
          "the sleeper to start");
      await(
          () -> heard.contains("line " + sleeper.id() + " sleeping"),
          "the sleeper's script to run");
      long started = System.nanoTime();
      workers.stop(Duration.ofMillis(200));
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertTrue(took < 20_000, "stop took " + took + " ms");
      assertEquals(RunStatus.CANCELLED, runs(store).get(1).status(), runs(store).toString());
      assertEquals(
          RunStatus.QUEUED,
          store.transaction(c -> store.runs().get(c, waiting.id())).orElseThrow().status(),
          "a run that never began stays queued for the next start");
      assertEquals(1, (int) store.<Integer>transaction(c -> store.queue().length(c)));
    }
  }
}
