package dev.shiprun.runner.daemon.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.Poll;
import dev.shiprun.runner.store.LineSource;
import dev.shiprun.runner.store.ReportSample;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.Store;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs over HTTP against the real app, store and bash: trigger → success or failure, the stored and
 * live (SSE) log, versions, cancel (queued and running), and the refusals.
 */
@QuarkusTest
class RunsApiTest {

  private static final String LINE =
      """
      resources:
        - name: knob
          type: params
          versionTemplate: {params: {COLOR: "blue"}}
      jobs:
        - name: hello
          type: runSh
          steps:
            - IN: knob
            - TASK: {script: ['echo "hello $WHO, $KNOB_PARAMS_COLOR"']}
        - name: after-hello
          type: runSh
          steps:
            - IN: hello
            - TASK: {script: ['echo after']}
        - name: broken
          type: runSh
          steps:
            - IN: knob
            - TASK: {script: ['echo about to fail', 'exit 3']}
        - name: slow
          type: runSh
          steps:
            - IN: knob
            - TASK:
                script:
                  - 'for i in 1 2 3 4 5 6; do echo "tick $i"; sleep 0.4; done'
        - name: sleeper
          type: runSh
          steps:
            - IN: knob
            - TASK: {script: ['echo sleeping', 'sleep 60']}
      """;

  @Inject DaemonContext daemon;

  @TestHTTPResource("/")
  URL root;

  private String line;

  private Store store;

  @BeforeEach
  void open() {
    DaemonContext.Opened opened = TestDaemon.open(daemon);
    // A line of its own per test: runs of one line go one at a time.
    line = "runs-" + Long.toHexString(System.nanoTime());
    store = opened.store();
    store.transaction(
        c ->
            store
                .lines()
                .put(c, LineSource.uploaded(line, Map.of("shippable.yml", LINE), Instant.now())));
  }

  private static io.restassured.specification.RequestSpecification api() {
    return TestDaemon.api();
  }

  private long trigger(String job, Map<String, String> variables) {
    return api()
        .contentType("application/json")
        .body(Map.of("variables", variables))
        .post("/api/lines/{line}/jobs/{job}/runs", line, job)
        .then()
        .statusCode(202)
        .header("Location", containsString("/api/runs/"))
        .body("status", equalTo("queued"))
        .body("job", equalTo(job))
        .extract()
        .jsonPath()
        .getLong("id");
  }

  private static String awaitStatus(long id, List<String> wanted) throws Exception {
    return Poll.until(
        Duration.ofSeconds(60),
        () -> api().get("/api/runs/{id}", id).then().extract().<String>path("status"),
        wanted::contains,
        s -> "run " + id + " still " + s);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aTriggeredJobRunsWithItsVariablesAndTriggersWhatFollows() throws Exception {
    long id = trigger("hello", Map.of("WHO", "daemon"));
    assertEquals("success", awaitStatus(id, List.of("success", "failure", "error")));
    api()
        .get("/api/runs/{id}", id)
        .then()
        .statusCode(200)
        .body("line", equalTo(line))
        .body("buildNumber", equalTo(1))
        .body("triggeredBy", equalTo("manual"))
        .body("startedAt", not(equalTo(null)))
        .body("finishedAt", not(equalTo(null)));
    api()
        .get("/api/runs/{id}/log", id)
        .then()
        .statusCode(200)
        .contentType(containsString("text/plain"))
        .body(containsString("hello daemon, blue"));
    // The downstream job ran too, as its own run.
    Poll.until(
        Duration.ofSeconds(30),
        "after-hello never succeeded",
        () ->
            !api()
                .queryParam("line", line)
                .queryParam("job", "after-hello")
                .queryParam("status", "success")
                .get("/api/runs")
                .then()
                .extract()
                .jsonPath()
                .getList("id")
                .isEmpty());
    api()
        .get("/api/resources/{line}/{name}/versions", line, "hello")
        .then()
        .statusCode(200)
        .body("[0].number", equalTo(1))
        .body("[0].createdByRun", equalTo((int) id));
    api()
        .get("/api/resources/{line}/{name}/versions", line, "knob")
        .then()
        .statusCode(200)
        .body("[0].propertyBag.params.COLOR", equalTo("blue"));
    // Deleting the line forgets its files; its runs and versions stay as history.
    api().delete("/api/lines/{line}", line).then().statusCode(204);
    api().get("/api/runs/{id}", id).then().statusCode(200).body("status", equalTo("success"));
    api()
        .get("/api/resources/{line}/{name}/versions", line, "hello")
        .then()
        .statusCode(200)
        .body("[0].createdByRun", equalTo((int) id));
    api()
        .post("/api/lines/{line}/jobs/{job}/runs", line, "hello")
        .then()
        .statusCode(404)
        .body("detail", containsString("PUT /api/lines/" + line));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aFailingScriptIsAFailureWithItsLog() throws Exception {
    long id = trigger("broken", Map.of());
    assertEquals("failure", awaitStatus(id, List.of("success", "failure", "error")));
    api()
        .get("/api/runs/{id}/log", id)
        .then()
        .body(containsString("about to fail"))
        .body(containsString("exit code 3"));
    api()
        .queryParam("line", line)
        .queryParam("status", "failure")
        .get("/api/runs")
        .then()
        .statusCode(200)
        .body("id", hasItem((int) id));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aLateFollowerGetsTheWholeLogThenTheRestLiveThenTheEnd() throws Exception {
    long id = trigger("slow", Map.of());
    // Join once a few lines are out: they come from the stored log, the rest live.
    Poll.until(
        Duration.ofSeconds(30),
        "no tick 2",
        () -> api().get("/api/runs/{id}/log", id).asString().contains("tick 2"));
    List<String> events = follow(id);
    List<String> lines =
        events.stream()
            .filter(e -> e.startsWith("line:"))
            .map(e -> e.substring(5))
            .filter(l -> l.startsWith("tick"))
            .toList();
    assertEquals(
        List.of("tick 1", "tick 2", "tick 3", "tick 4", "tick 5", "tick 6"),
        lines,
        "every line once, in order: " + events);
    String last = events.get(events.size() - 1);
    assertTrue(last.startsWith("end:") && last.contains("\"status\":\"success\""), last);
    // After the end, a follower gets the stored log and the end at once.
    List<String> again = follow(id);
    assertEquals(events.size(), again.size(), again.toString());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aFollowerOfAQueuedRunWaitsForItsFirstLine() throws Exception {
    long sleeper = trigger("sleeper", Map.of());
    awaitStatus(sleeper, List.of("processing"));
    // Same line: this one waits in the queue while the sleeper runs.
    long queued = trigger("hello", Map.of("WHO", "later"));
    List<String> events = new ArrayList<>();
    Thread follower =
        new Thread(
            () -> {
              try {
                events.addAll(follow(queued));
              } catch (Exception e) {
                events.add("error:" + e);
              }
            });
    follower.start();
    // Gives the follower's request time to reach the daemon while the run is still queued. Nothing
    // can be polled for instead: the daemon shows no sign of a follower before the run's first
    // line. A follower that comes late reads the same lines from the stored log, so the assertions
    // hold either way; the pause makes the queued path the one tested.
    Thread.sleep(300);
    api().post("/api/runs/{id}/cancel", sleeper).then().statusCode(202);
    follower.join(TimeUnit.SECONDS.toMillis(60));
    assertTrue(events.contains("line:hello later, blue"), events.toString());
    assertTrue(events.get(events.size() - 1).contains("\"status\":\"success\""), events.toString());
    assertEquals("cancelled", awaitStatus(sleeper, List.of("cancelled")));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void cancelStopsARunningJobAndAQueuedOneNeverBegins() throws Exception {
    long running = trigger("sleeper", Map.of());
    awaitStatus(running, List.of("processing"));
    long waiting = trigger("hello", Map.of());
    api()
        .post("/api/runs/{id}/cancel", waiting)
        .then()
        .statusCode(200)
        .body("run.status", equalTo("cancelled"))
        .body("outcome", equalTo("cancelled before it began"));
    api()
        .post("/api/runs/{id}/cancel", running)
        .then()
        .statusCode(202)
        .body("outcome", equalTo("stopping"));
    assertEquals("cancelled", awaitStatus(running, List.of("cancelled", "success", "failure")));
    api()
        .get("/api/runs/{id}", waiting)
        .then()
        .body("status", equalTo("cancelled"))
        .body("startedAt", equalTo(null));
    api()
        .post("/api/runs/{id}/cancel", running)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("already ended (cancelled)"));
  }

  @Test
  void aRunShowsItsReportAndARunWithoutOneHasNoReportMember() {
    Map<String, Object> report = ReportSample.failedBuild();
    long[] ids = new long[2];
    store.transaction(
        c -> {
          ids[0] = store.runs().start(c, line, "app_runCI", "manual").id();
          ids[1] = store.runs().start(c, line, "hello", "manual").id();
          store.runs().finish(c, ids[0], RunStatus.FAILURE, Optional.of("1 test failed"), report);
          store.runs().finish(c, ids[1], RunStatus.SUCCESS, Optional.empty(), Map.of());
          return null;
        });
    api()
        .get("/api/runs/{id}", ids[0])
        .then()
        .statusCode(200)
        .body("report.matrix[0].number", equalTo("3.1"))
        .body("report.matrix[0].tests.failedTests[0].name", equalTo("answers 404"))
        .body("report.matrix[0].coverage.lines", equalTo(75.5f))
        .body("report.tests.total", equalTo(4));
    api()
        .get("/api/runs/{id}", ids[1])
        .then()
        .statusCode(200)
        .body("$", not(hasKey("report")))
        .body("log", equalTo("/api/runs/" + ids[1] + "/log"));
    api()
        .queryParam("line", line)
        .get("/api/runs")
        .then()
        .statusCode(200)
        .body("find { it.id == " + ids[0] + " }.report.matrix[0].status", equalTo("failure"));
  }

  @Test
  void refusalsAreProblemsThatSayWhatToDo() {
    api()
        .post("/api/lines/{line}/jobs/{job}/runs", "no-such-line", "hello")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("PUT /api/lines/no-such-line"));
    api()
        .post("/api/lines/{line}/jobs/{job}/runs", line, "helo")
        .then()
        .statusCode(404)
        .body("detail", containsString("did you mean 'hello'?"));
    api()
        .contentType("application/json")
        .body(Map.of("variables", Map.of("1BAD", "x")))
        .post("/api/lines/{line}/jobs/{job}/runs", line, "hello")
        .then()
        .statusCode(400)
        .body("detail", containsString("'1BAD' is not a variable name"));
    api()
        .contentType("application/json")
        .body("{\"variables\": {\"A\": made-up-secret-in-bad-json}}")
        .post("/api/lines/{line}/jobs/{job}/runs", line, "hello")
        .then()
        .statusCode(400)
        .body("detail", containsString("is not valid JSON at line 1, column"))
        .body(not(containsString("made-up-secret")));
    api()
        .contentType("application/json")
        .body("{\"variables\": [\"made-up-secret-in-a-list\"]}")
        .post("/api/lines/{line}/jobs/{job}/runs", line, "hello")
        .then()
        .statusCode(400)
        .body("detail", containsString("the body's field 'variables' has the wrong type"))
        .body(not(containsString("made-up-secret")));
    api().get("/api/runs/{id}", 987654321).then().statusCode(404);
    api().get("/api/runs/{id}/log", 987654321).then().statusCode(404);
    api()
        .queryParam("status", "done")
        .get("/api/runs")
        .then()
        .statusCode(400)
        .body("detail", containsString("success"));
    api().get("/api/resources/{line}/{name}/versions", "no-such-line", "x").then().statusCode(404);
    given().post("/api/lines/{line}/jobs/{job}/runs", line, "hello").then().statusCode(401);
  }

  @Test
  void aTriggerWithoutABodyIsFine() throws Exception {
    Response r = api().post("/api/lines/{line}/jobs/{job}/runs", line, "hello");
    assertEquals(202, r.statusCode(), r.asString());
    awaitStatus(r.jsonPath().getLong("id"), List.of("success"));
  }

  @Test
  void metricsCountRunsAndNeedTheToken() throws Exception {
    long id = trigger("hello", Map.of("WHO", "metrics"));
    awaitStatus(id, List.of("success"));
    String text = api().get("/q/metrics").then().statusCode(200).extract().asString();
    assertTrue(text.contains("shiprun_runs_started_total"), text);
    assertTrue(text.contains("shiprun_runs_finished_total{status=\"success\"}"), text);
    assertTrue(text.contains("shiprun_queue_length"), text);
    assertTrue(text.contains("shiprun_queue_wait_seconds_bucket"), text);
    assertTrue(text.contains("shiprun_run_duration_seconds_count"), text);
    assertTrue(text.contains("shiprun_log_bytes_total"), text);
    assertTrue(text.contains("shiprun_masked_matches_total"), text);
    assertTrue(text.contains("shiprun_killed_processes_total"), text);
    given().get("/q/metrics").then().statusCode(401);
  }

  /** Follows the run's log to its end: "line:<text>" per line event, then "end:<json>". */
  private List<String> follow(long id) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root.toString()).resolve("/api/runs/" + id + "/log"))
            .header("Authorization", "Bearer " + TestDaemon.TOKEN)
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(60))
            .build();
    HttpResponse<java.io.InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    List<String> events = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String event = null;
      StringBuilder data = new StringBuilder();
      String l;
      while ((l = r.readLine()) != null) {
        if (l.startsWith("event:")) {
          event = l.substring(6).strip();
        } else if (l.startsWith("data:")) {
          data.append(l.substring(5).startsWith(" ") ? l.substring(6) : l.substring(5));
        } else if (l.isEmpty() && event != null) {
          events.add(event + ":" + data);
          if (event.equals("end")) {
            break;
          }
          event = null;
          data.setLength(0);
        }
      }
    }
    return events;
  }
}
