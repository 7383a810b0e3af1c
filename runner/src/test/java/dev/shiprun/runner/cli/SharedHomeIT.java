package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.Store;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several shiprun processes on one home, as real processes of the packaged jar: two {@code shiprun
 * run} of one line serialise (the second says it waits, then runs; no crash, no lost job state),
 * and a run that reached the store through a daemon (H2's AUTO_SERVER: the first process to open it
 * serves it) carries on when that daemon stops, and the daemon starts again beside it. H2
 * reconnects an idle connection by itself; a transaction cut by the end of the serving process is
 * run again by {@code Store.transaction}.
 *
 * <p>{@code -Dshiprun.shared-home.rounds=N} sets the rounds of the first test (default 4); {@code
 * bench/shared-home.sh} runs unguarded rounds at any size.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SharedHomeIT {

  /**
   * Counts its runs in its own state, notes each count, then waits for the test's go: the run that
   * has the line holds it until the test saw the other one waiting.
   */
  private static final String COUNTER_LINE =
      """
      jobs:
        - name: count
          type: runSh
          steps:
            - TASK:
                script:
                  - |
                    count=0
                    if [ -f "$JOB_PREVIOUS_STATE/count.txt" ]; then
                      count=$(cat "$JOB_PREVIOUS_STATE/count.txt")
                    fi
                    count=$((count + 1))
                    echo "$count" > "$JOB_STATE/count.txt"
                    echo "$count" >> "$MARKS/counts"
                    touch "$MARKS/started"
                    while [ ! -e "$MARKS/go" ]; do sleep 0.05; done
                    echo "count $count"
      """;

  @TempDir Path temp;

  private final List<Process> started = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @AfterEach
  void stopProcesses() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void twoRunsOfOneLineOnOneHomeWaitForEachOtherAndLoseNoStateUpdate() throws Exception {
    int rounds = Integer.getInteger("shiprun.shared-home.rounds", 4);
    Path home = temp.resolve("home");
    Path line = line();
    Path marks = Files.createDirectories(temp.resolve("marks"));
    PackagedJar jar = new PackagedJar(Files.createDirectories(temp.resolve("out")));
    String[] args = {"run", line.toString(), "--home", home.toString(), "--env", "MARKS=" + marks};
    for (int round = 1; round <= rounds; round++) {
      Files.deleteIfExists(marks.resolve("go"));
      PackagedJar.Started a = jar.start(List.of(), Map.of(), args);
      PackagedJar.Started b = jar.start(List.of(), Map.of(), args);
      started.add(a.process());
      started.add(b.process());
      awaitWaiting(a, b);
      Files.createFile(marks.resolve("go"));
      for (PackagedJar.Started s : List.of(a, b)) {
        PackagedJar.Result r = s.await();
        assertEquals(0, r.code(), "round " + round + ": " + r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
      }
      String err = a.err() + b.err();
      assertEquals(1, count(err, "waiting  for "), "one of the two waited: " + err);
      assertTrue(
          err.contains("of line counter (pid ") && err.contains("one run of a line at a time"),
          "the waiting line names the line and the process: " + err);
    }
    List<String> counts = Files.readAllLines(marks.resolve("counts"));
    assertEquals(
        IntStream.rangeClosed(1, 2 * rounds).mapToObj(Integer::toString).toList(),
        counts,
        "each run read the state the run before it left");
    PackagedJar.Result runs = jar.run("runs", "--home", home.toString(), "--output", "json");
    assertEquals(0, runs.code(), runs.err());
    JsonNode list = new ObjectMapper().readTree(runs.out());
    assertEquals(2 * rounds, list.size(), runs.out());
    List<Integer> builds = new ArrayList<>();
    for (JsonNode run : list) {
      assertEquals("success", run.get("status").asText(), run.toString());
      builds.add(run.get("buildNumber").asInt());
    }
    builds.sort(null);
    assertEquals(IntStream.rangeClosed(1, 2 * rounds).boxed().toList(), builds);
  }

  @Test
  void aRunCarriesOnWhenTheDaemonThatServedTheStoreStops() throws Exception {
    Path home = temp.resolve("home");
    Path marks = Files.createDirectories(temp.resolve("marks"));
    PackagedJar jar = new PackagedJar(Files.createDirectories(temp.resolve("out")));
    Map<String, String> env = Map.of("SHIPRUN_API_TOKEN", "made-up-shared-token");
    int port = freePort();

    // The daemon opens the store first, so the run reaches it through the daemon.
    PackagedJar.Started daemon = startDaemon(jar, home, port, env);
    awaitReady(daemon, port);
    PackagedJar.Started run =
        jar.start(
            List.of(),
            env,
            "run",
            line().toString(),
            "--home",
            home.toString(),
            "--env",
            "MARKS=" + marks);
    started.add(run.process());
    awaitFile(marks.resolve("started"), run);

    // The daemon stops (its database closes under the run), then the job ends.
    stop(daemon);
    Files.createFile(marks.resolve("go"));
    PackagedJar.Result ran = run.await();
    assertEquals(0, ran.code(), ran.err());
    assertFalse(ran.err().contains("\tat "), "no stack trace: " + ran.err());
    assertTrue(ran.out().contains("success"), ran.out());

    // The daemon starts again beside a CLI that reads the runs.
    PackagedJar.Started again = startDaemon(jar, home, port, env);
    awaitReady(again, port);
    HttpResponse<String> runs = get(port, "/api/runs?line=counter");
    assertEquals(200, runs.statusCode(), runs.body() + "\n" + again.err());
    JsonNode list = new ObjectMapper().readTree(runs.body());
    assertEquals(1, list.size(), runs.body());
    assertEquals("success", list.get(0).get("status").asText(), runs.body());
    PackagedJar.Result cli = jar.run("runs", "--home", home.toString());
    assertEquals(0, cli.code(), cli.err());
    assertTrue(cli.out().contains("success"), cli.out());
    stop(again);
  }

  @Test
  void aTransactionCutByTheEndOfTheServingProcessRunsAgain() throws Exception {
    Path home = temp.resolve("home");
    PackagedJar jar = new PackagedJar(Files.createDirectories(temp.resolve("out")));
    Map<String, String> env = Map.of("SHIPRUN_API_TOKEN", "made-up-shared-token");
    int port = freePort();
    PackagedJar.Started daemon = startDaemon(jar, home, port, env);
    awaitReady(daemon, port);
    try (Store store = Store.open(home, new ObjectMapper())) {
      store.transaction(c -> store.runs().start(c, "counter", "count", "test"));
      AtomicInteger attempts = new AtomicInteger();
      // Within a transaction H2 does not reconnect by itself: the daemon that serves the store
      // stops between two statements of one unit of work.
      List<Run> runs =
          store.transaction(
              c -> {
                List<Run> before =
                    store.runs().list(c, Optional.of("counter"), Optional.empty(), 10);
                if (attempts.incrementAndGet() == 1) {
                  stopQuietly(daemon);
                }
                List<Run> after =
                    store.runs().list(c, Optional.of("counter"), Optional.empty(), 10);
                assertEquals(before, after);
                return after;
              });
      assertEquals(2, attempts.get(), "the work ran again on a new connection");
      assertEquals(1, runs.size());
    }
  }

  private static void stopQuietly(PackagedJar.Started daemon) {
    try {
      stop(daemon);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Path line() throws IOException {
    Path line = temp.resolve("counter");
    if (!Files.isDirectory(line)) {
      Files.createDirectories(line);
      Files.writeString(line.resolve("shippable.yml"), COUNTER_LINE);
    }
    return line;
  }

  /** Until one of the two says it waits for the other (neither may end before that). */
  private static void awaitWaiting(PackagedJar.Started a, PackagedJar.Started b) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!(a.err() + b.err()).contains("waiting  for ")) {
      assertTrue(
          a.process().isAlive() && b.process().isAlive(),
          "a run ended before the other waited: " + a.err() + b.err());
      assertTrue(System.nanoTime() < deadline, "no run waited: " + a.err() + b.err());
      Thread.sleep(50);
    }
  }

  private static void awaitFile(Path file, PackagedJar.Started owner) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(file)) {
      assertTrue(owner.process().isAlive(), "ended early: " + owner.err());
      assertTrue(System.nanoTime() < deadline, "no " + file + ": " + owner.err());
      Thread.sleep(50);
    }
  }

  private PackagedJar.Started startDaemon(
      PackagedJar jar, Path home, int port, Map<String, String> env) throws IOException {
    PackagedJar.Started daemon =
        jar.start(
            List.of(), env, "daemon", "--port", Integer.toString(port), "--home", home.toString());
    started.add(daemon.process());
    return daemon;
  }

  private void awaitReady(PackagedJar.Started daemon, int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      assertTrue(daemon.process().isAlive(), "the daemon ended: " + daemon.err());
      try {
        if (get(port, "/q/health/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // again
      }
      assertTrue(System.nanoTime() < deadline, "the daemon was not ready: " + daemon.err());
      Thread.sleep(100);
    }
  }

  private static void stop(PackagedJar.Started daemon) throws Exception {
    assertEquals(0, PackagedJar.tool("kill", "-TERM", Long.toString(daemon.process().pid())));
    assertTrue(daemon.process().waitFor(30, TimeUnit.SECONDS), daemon.err());
    assertEquals(0, daemon.process().exitValue(), daemon.err());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer made-up-shared-token")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
