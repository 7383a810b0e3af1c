package dev.shiprun.runner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's durable queue on the real H2 store. */
class RunQueueTest {

  @TempDir Path home;

  @Test
  void requestsSurviveReopeningAndAreTakenOldestFirst() {
    try (Store store = Store.open(home, new ObjectMapper())) {
      store.transaction(
          c -> store.queue().submit(c, "web", "build", "manual", Map.of("A", "1 \"2\" $3")));
      store.transaction(c -> store.queue().submit(c, "api", "test", "manual", Map.of()));
    }
    try (Store store = Store.open(home, new ObjectMapper())) {
      assertEquals(2, (int) store.<Integer>transaction(c -> store.queue().length(c)));
      RunRequest first = store.transaction(c -> store.queue().take(c)).orElseThrow();
      assertEquals("build", first.job());
      assertEquals(Map.of("A", "1 \"2\" $3"), first.variables());
      assertEquals(RunRequest.Status.TAKEN, first.status());
      assertEquals("test", store.transaction(c -> store.queue().take(c)).orElseThrow().job());
      assertEquals(Optional.empty(), store.transaction(c -> store.queue().take(c)));
    }
  }

  @Test
  void aLineWithATakenRequestWaitsWhileOtherLinesAreTaken() {
    try (Store store = Store.open(home, new ObjectMapper())) {
      for (String request : List.of("a:1", "a:2", "b:1", "b:2")) {
        String[] lineJob = request.split(":");
        store.transaction(
            c -> store.queue().submit(c, lineJob[0], "job-" + lineJob[1], "manual", Map.of()));
      }
      RunRequest a1 = store.transaction(c -> store.queue().take(c)).orElseThrow();
      RunRequest b1 = store.transaction(c -> store.queue().take(c)).orElseThrow();
      assertEquals(
          List.of("a", "job-1", "b", "job-1"), List.of(a1.line(), a1.job(), b1.line(), b1.job()));
      assertEquals(
          Optional.empty(),
          store.transaction(c -> store.queue().take(c)),
          "a:2 and b:2 wait while their lines run");
      store.transaction(
          c -> {
            store.queue().remove(c, b1.id());
            return null;
          });
      RunRequest b2 = store.transaction(c -> store.queue().take(c)).orElseThrow();
      assertEquals(List.of("b", "job-2"), List.of(b2.line(), b2.job()));
      store.transaction(
          c -> {
            store.queue().release(c, a1.id());
            return null;
          });
      assertEquals(
          a1.id(),
          store.transaction(c -> store.queue().take(c)).orElseThrow().id(),
          "a request put back goes before the newer one of its line");
    }
  }

  @Test
  void aRequestBehindALongQueueOfABusyLineIsTaken() {
    try (Store store = Store.open(home, new ObjectMapper())) {
      // A take looks at the oldest requests first; when they all belong to a busy line it must
      // look further, not leave the worker idle while another line waits.
      for (int i = 0; i < 101; i++) {
        store.transaction(c -> store.queue().submit(c, "busy", "job", "manual", Map.of()));
      }
      store.transaction(c -> store.queue().submit(c, "free", "job", "manual", Map.of()));
      assertEquals("busy", store.transaction(c -> store.queue().take(c)).orElseThrow().line());
      assertEquals("free", store.transaction(c -> store.queue().take(c)).orElseThrow().line());
      assertEquals(Optional.empty(), store.transaction(c -> store.queue().take(c)));
    }
  }

  @Test
  void workersNeverTakeTheSameRequestNorTwoOfOneLine() throws Exception {
    try (Store store = Store.open(home, new ObjectMapper())) {
      for (int i = 0; i < 40; i++) {
        String job = "job-" + i;
        String line = "line-" + (i % 5);
        store.transaction(c -> store.queue().submit(c, line, job, "manual", Map.of()));
      }
      List<String> taken = Collections.synchronizedList(new ArrayList<>());
      Set<String> busy = ConcurrentHashMap.newKeySet();
      List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
      ExecutorService workers = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> all = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          all.add(
              workers.submit(
                  () -> {
                    while (store.<Integer>transaction(c -> store.queue().length(c)) > 0) {
                      Optional<RunRequest> next = store.transaction(c -> store.queue().take(c));
                      if (next.isEmpty()) {
                        continue;
                      }
                      RunRequest request = next.get();
                      if (!busy.add(request.line())) {
                        overlaps.add(request.job());
                      }
                      taken.add(request.job());
                      // Done with it: the line is free from the moment it leaves the table.
                      busy.remove(request.line());
                      store.transaction(
                          c -> {
                            store.queue().remove(c, request.id());
                            return null;
                          });
                    }
                    return null;
                  }));
        }
        for (Future<?> f : all) {
          f.get();
        }
      } finally {
        workers.shutdownNow();
      }
      assertEquals(40, taken.size(), "every request once: " + taken);
      assertEquals(40, taken.stream().distinct().count(), "none twice: " + taken);
      assertEquals(List.of(), overlaps, "never two requests of one line taken at once");
    }
  }

  @Test
  void aSubmittedRequestIsAQueuedRunWithItsBuildNumber() {
    try (Store store = Store.open(home, new ObjectMapper())) {
      Run first =
          store.transaction(c -> store.queue().submit(c, "web", "build", "manual", Map.of()));
      Run second =
          store.transaction(c -> store.queue().submit(c, "web", "build", "manual", Map.of()));
      assertEquals(RunStatus.QUEUED, first.status());
      assertEquals(List.of(1, 2), List.of(first.buildNumber(), second.buildNumber()));
      assertEquals(Optional.empty(), first.startedAt());
      RunRequest taken = store.transaction(c -> store.queue().take(c)).orElseThrow();
      assertEquals(first.id(), taken.runId().getAsLong());
      Run begun = store.transaction(c -> store.runs().begin(c, first.id())).orElseThrow();
      assertEquals(RunStatus.PROCESSING, begun.status());
      assertTrue(begun.startedAt().isPresent());
      assertTrue(store.<Boolean>transaction(c -> store.runs().ownedHere(c, first.id())));
      assertEquals(
          Optional.empty(),
          store.transaction(c -> store.runs().begin(c, first.id())),
          "a run begins once");
      assertTrue(
          store.<Boolean>transaction(
              c -> store.runs().endQueued(c, second.id(), RunStatus.CANCELLED, "by a test")));
      assertEquals(
          Optional.empty(),
          store.transaction(c -> store.runs().begin(c, second.id())),
          "a cancelled queued run never begins");
    }
  }

  @Test
  void afterACrashUnstartedRequestsGoBackAndStartedOnesLeave() {
    try (Store store = Store.open(home, new ObjectMapper())) {
      Run started =
          store.transaction(c -> store.queue().submit(c, "web", "started", "manual", Map.of()));
      store.transaction(c -> store.queue().submit(c, "api", "not-started", "manual", Map.of()));
      store.transaction(c -> store.queue().submit(c, "web", "waiting", "manual", Map.of()));
      Run cancelled =
          store.transaction(c -> store.queue().submit(c, "web", "cancelled", "manual", Map.of()));
      store.transaction(c -> store.queue().take(c)).orElseThrow();
      store.transaction(c -> store.queue().take(c)).orElseThrow();
      store.transaction(c -> store.runs().begin(c, started.id()));
      store.transaction(
          c -> store.runs().endQueued(c, cancelled.id(), RunStatus.CANCELLED, "by a test"));
      assertEquals(1, (int) store.<Integer>transaction(c -> store.queue().recover(c)));
      List<RunRequest> queued = store.transaction(c -> store.queue().queued(c, 10));
      assertEquals(
          List.of("not-started", "waiting"), queued.stream().map(RunRequest::job).toList());
    }
  }

  /**
   * The queue's length (all requests less the taken ones) against the plain count of the queued
   * ones, and each build number against the plain MAX + 1, at every step of a queue's life.
   */
  @Test
  void lengthAndBuildNumbersAgreeWithThePlainQueries() {
    try (Store store = Store.open(home, new ObjectMapper())) {
      List<Run> runs = new ArrayList<>();
      List<RunRequest> taken = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        String line = "line-" + (i % 4);
        String job = "job-" + (i % 3);
        int expected =
            plainInt(
                store,
                "SELECT COALESCE(MAX(build_number), 0) + 1 FROM run"
                    + " WHERE line = '"
                    + line
                    + "' AND job = '"
                    + job
                    + "'");
        Run run = store.transaction(c -> store.queue().submit(c, line, job, "manual", Map.of()));
        assertEquals(expected, run.buildNumber(), "build number of run " + run.id());
        runs.add(run);
        switch (i % 5) {
          case 1 -> store.transaction(c -> store.queue().take(c)).ifPresent(taken::add);
          case 2 -> {
            if (!taken.isEmpty()) {
              RunRequest back = taken.remove(0);
              store.transaction(
                  c -> {
                    store.queue().release(c, back.id());
                    return null;
                  });
            }
          }
          case 3 -> {
            if (!taken.isEmpty()) {
              RunRequest done = taken.remove(taken.size() - 1);
              store.transaction(
                  c -> {
                    store.queue().remove(c, done.id());
                    return null;
                  });
            }
          }
          case 4 ->
              store.transaction(
                  c -> {
                    store.queue().removeForRun(c, runs.get(runs.size() / 2).id());
                    return null;
                  });
          default -> {}
        }
        assertEquals(
            plainInt(store, "SELECT COUNT(*) FROM run_request WHERE status = 'queued'"),
            (int) store.<Integer>transaction(c -> store.queue().length(c)),
            "queue length after step " + i);
      }
    }
  }

  private static int plainInt(Store store, String sql) {
    return store.transaction(
        c -> {
          try (java.sql.Statement s = c.createStatement();
              java.sql.ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
          }
        });
  }
}
