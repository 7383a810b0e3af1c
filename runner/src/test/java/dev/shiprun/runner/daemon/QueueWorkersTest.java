package dev.shiprun.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.Job;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.runner.engine.EngineSettings;
import dev.shiprun.runner.engine.JobResult;
import dev.shiprun.runner.engine.LineRunner;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunRequest;
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
            - TASK: {script: ['sleep 30']}
      """;

  @TempDir Path home;

  private final List<String> notes = new CopyOnWriteArrayList<>();

  /** What the watch heard, in order: "began 3 mark", "line 3 <text>", "ended 3 mark". */
  private final List<String> heard = new CopyOnWriteArrayList<>();

  private final RunWatch watch =
      new RunWatch() {
        @Override
        public void began(RunRequest request, long runId, String job) {
          heard.add("began " + runId + " " + job);
        }

        @Override
        public void line(long runId, String text) {
          heard.add("line " + runId + " " + text);
        }

        @Override
        public void ended(long runId, String job) {
          heard.add("ended " + runId + " " + job);
        }
      };

  private final LineRunner.Progress progress =
      new LineRunner.Progress() {
        @Override
        public void started(Job job) {}

        @Override
        public void waiting(Job job, String why) {}

        @Override
        public void leftOut(Job job, String why) {}

        @Override
        public void repository(String resource, String text) {}

        @Override
        public void note(String text) {
          notes.add(text);
        }

        @Override
        public void finished(JobResult result) {}
      };

  private static AssemblyLine line() {
    return new AssemblyLineLoader()
        .load(
            List.of(new PipelineFile("shippable.yml", LINE.getBytes(StandardCharsets.UTF_8))),
            new Diagnostics())
        .valid()
        .orElseThrow()
        .line();
  }

  private QueueWorkers workers(Store store, int concurrency) {
    AssemblyLine line = line();
    return new QueueWorkers(
        store,
        new EngineSettings(
            home,
            Optional.empty(),
            Duration.ofMillis(300),
            Map.of("PATH", System.getenv("PATH")),
            false,
            false,
            false),
        name ->
            name.equals("web")
                ? new QueueWorkers.Lines.Result(Optional.of(line), "")
                : new QueueWorkers.Lines.Result(Optional.empty(), "no such line"),
        Map::of,
        progress,
        watch,
        concurrency,
        Duration.ofMillis(200));
  }

  private static void await(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
      Thread.sleep(50);
    }
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
      store.transaction(c -> store.queue().submit(c, "web", "sleeper", "manual", Map.of()));
      Run waiting =
          store.transaction(c -> store.queue().submit(c, "web", "mark", "manual", Map.of()));
      QueueWorkers workers = workers(store, 1);
      workers.start();
      await(
          () -> runs(store).stream().anyMatch(r -> r.status() == RunStatus.PROCESSING),
          "the sleeper to start");
      Thread.sleep(500); // into its script
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
