package dev.shiprun.runner.daemon.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.runner.Poll;
import dev.shiprun.runner.store.LineSource;
import dev.shiprun.runner.store.Store;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code POST /api/lines/{line}/triggers/{name}} against the real app, store and bash: a trigger
 * resource of shippable.triggers.yml gets its next version and the jobs that read it run with it; a
 * name that is no trigger is refused with what it is.
 */
@QuarkusTest
class TriggerResourceApiTest {

  private static final String TRIGGERS =
      """
      triggers:
        - name: deploy-now
          type: trigger
          version:
            counter: 1
      """;

  private static final String JOBS =
      """
      resources:
        - name: knob
          type: params
          versionTemplate: {params: {COLOR: "blue"}}
      jobs:
        - name: deploy
          type: runSh
          steps:
            - IN: deploy-now
            - TASK:
                script:
                  - 'echo "deploy $DEPLOYNOW_VERSIONNUMBER $DEPLOYNOW_VERSIONNAME by $JOB_TRIGGERED_BY_NAME for $WHO"'
        - name: check
          type: runSh
          steps:
            - IN: deploy-now
            - IN: deploy
            - TASK: {script: ['echo "check $DEPLOYNOW_VERSIONNAME"']}
      """;

  @Inject DaemonContext daemon;

  private String line;

  @BeforeEach
  void open() {
    DaemonContext.Opened opened = TestDaemon.open(daemon);
    line = "triggers-" + Long.toHexString(System.nanoTime());
    Map<String, String> files = new LinkedHashMap<>();
    files.put("shippable.triggers.yml", TRIGGERS);
    files.put("shippable.jobs.yml", JOBS);
    Store store = opened.store();
    store.transaction(c -> store.lines().put(c, LineSource.uploaded(line, files, Instant.now())));
  }

  private static String awaitEnd(long id) throws Exception {
    return Poll.until(
        Duration.ofSeconds(60),
        () -> TestDaemon.api().get("/api/runs/{id}", id).then().extract().<String>path("status"),
        s -> List.of("success", "failure", "error", "cancelled").contains(s),
        s -> "run " + id + " still " + s);
  }

  private JsonPath fire(Map<String, Object> body) {
    return TestDaemon.api()
        .contentType("application/json")
        .body(body)
        .post("/api/lines/{line}/triggers/{name}", line, "deploy-now")
        .then()
        .statusCode(202)
        .header("Location", containsString("/api/resources/" + line + "/deploy-now/versions"))
        .extract()
        .jsonPath();
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aTriggerRecordsTheNextVersionAndQueuesTheJobsThatReadIt() throws Exception {
    JsonPath first = fire(Map.of("message", "to test", "variables", Map.of("WHO", "ops")));
    assertEquals(2, first.getInt("version.number"), "the YAML's version is 1");
    assertEquals("to test", first.getString("version.versionName"));
    assertEquals(2, first.getInt("version.propertyBag.counter"));
    // check reads deploy too: it runs after deploy, in deploy's run, not as a run of its own.
    assertEquals(List.of("deploy"), first.getList("runs.job"));
    assertEquals("deploy-now", first.getString("runs[0].triggeredBy"));
    long deploy = first.getLong("runs[0].id");
    assertEquals("success", awaitEnd(deploy));
    TestDaemon.api()
        .get("/api/runs/{id}/log", deploy)
        .then()
        .body(containsString("deploy 2 to test by deploy-now for ops"));
    List<Integer> checks =
        Poll.until(
            Duration.ofSeconds(30),
            () ->
                TestDaemon.api()
                    .queryParam("line", line)
                    .queryParam("job", "check")
                    .queryParam("status", "success")
                    .get("/api/runs")
                    .then()
                    .extract()
                    .jsonPath()
                    .<Integer>getList("id"),
            ids -> !ids.isEmpty(),
            ids -> "check never succeeded");
    TestDaemon.api()
        .get("/api/runs/{id}/log", checks.get(0))
        .then()
        .body(containsString("check to test"));

    JsonPath second = fire(Map.of());
    assertEquals(3, second.getInt("version.number"));
    assertEquals("3", second.getString("version.versionName"), "no message: the counter");
    assertEquals("success", awaitEnd(second.getLong("runs[0].id")));
    TestDaemon.api()
        .get("/api/resources/{line}/{name}/versions", line, "deploy-now")
        .then()
        .statusCode(200)
        .body("", hasSize(3))
        .body("[0].number", equalTo(3))
        .body("[1].versionName", equalTo("to test"));
  }

  @Test
  void aNameThatIsNoTriggerIsRefusedWithWhatItIs() {
    TestDaemon.api()
        .post("/api/lines/{line}/triggers/{name}", line, "deploy-nwo")
        .then()
        .statusCode(404)
        .body("detail", containsString("has no trigger named 'deploy-nwo'"))
        .body("detail", containsString("did you mean 'deploy-now'?"));
    TestDaemon.api()
        .post("/api/lines/{line}/triggers/{name}", line, "knob")
        .then()
        .statusCode(409)
        .body("detail", containsString("is a params resource, not a trigger"));
    TestDaemon.api()
        .post("/api/lines/{line}/triggers/{name}", line, "deploy")
        .then()
        .statusCode(409)
        .body("detail", containsString("POST /api/lines/" + line + "/jobs/deploy/runs"));
    TestDaemon.api()
        .post("/api/lines/{line}/triggers/{name}", "no-such-line", "deploy-now")
        .then()
        .statusCode(404)
        .body("detail", containsString("holds no line named 'no-such-line'"));
    // Nothing was recorded by the refusals.
    TestDaemon.api()
        .get("/api/resources/{line}/{name}/versions", line, "deploy-now")
        .then()
        .body("", hasSize(0));
  }
}
