package dev.shiprun.runner.daemon.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A line's live state over HTTP after real runs in bash: each job by its newest run, each resource
 * by its newest version, and the line's summary counting its jobs by status.
 */
@QuarkusTest
class LineStatusApiTest {

  private static final String LINE =
      """
      resources:
        - name: knob
          type: params
          versionTemplate: {params: {COLOR: "blue"}}
        - name: app-image
          type: image
          versionTemplate: {sourceName: "example/app", versionName: "0.1.0"}
        - name: unused
          type: params
          versionTemplate: {params: {X: "1"}}
      jobs:
        - name: build
          type: runSh
          steps:
            - IN: knob
            - TASK: {script: ['shipctl put_resource_state app-image versionName "1.$BUILD_NUMBER"']}
            - OUT: app-image
        - name: broken
          type: runSh
          steps:
            - IN: knob
            - TASK: {script: ['exit 3']}
        - name: idle
          type: runSh
          steps:
            - IN: knob
            - TASK: {script: ['true']}
      """;

  @Inject DaemonContext daemon;

  private String line;

  @BeforeEach
  void open() {
    TestDaemon.open(daemon);
    line = "status-" + Long.toHexString(System.nanoTime());
    TestDaemon.api()
        .contentType("application/yaml")
        .body(LinesEndpointTest.yaml(LINE))
        .put("/api/lines/" + line)
        .then()
        .statusCode(201);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void eachJobStandsByItsNewestRunAndEachResourceByItsNewestVersion() throws Exception {
    TestDaemon.api()
        .get("/api/lines/{line}/status", line)
        .then()
        .statusCode(200)
        .body("jobs.build.status", equalTo("none"))
        .body("jobs.build", not(hasKey("runId")))
        .body("resources", not(hasKey("app-image")));

    TestDaemon.runToEnd(line, "build");
    long second = TestDaemon.runToEnd(line, "build");
    long broken = TestDaemon.runToEnd(line, "broken");

    JsonPath status =
        TestDaemon.api()
            .get("/api/lines/{line}/status", line)
            .then()
            .statusCode(200)
            .contentType("application/json")
            .extract()
            .jsonPath();
    assertEquals(List.of("build", "broken", "idle"), List.copyOf(status.getMap("jobs").keySet()));
    assertEquals("success", status.getString("jobs.build.status"));
    assertEquals(second, status.getLong("jobs.build.runId"));
    assertEquals(2, status.getInt("jobs.build.buildNumber"));
    assertEquals("manual", status.getString("jobs.build.triggeredBy"));
    assertEquals(
        true,
        status
                .getString("jobs.build.startedAt")
                .compareTo(status.getString("jobs.build.finishedAt"))
            <= 0);
    assertEquals("failure", status.getString("jobs.broken.status"));
    assertEquals(broken, status.getLong("jobs.broken.runId"));
    assertEquals(Map.of("status", "none"), status.getMap("jobs.idle"));
    assertEquals("1.2", status.getString("resources.app-image.versionName"));
    assertEquals(
        status.getInt("resources.app-image.number"),
        TestDaemon.api()
            .get("/api/resources/{line}/app-image/versions", line)
            .then()
            .extract()
            .jsonPath()
            .getInt("[0].number"));
    assertEquals(false, status.getMap("resources").containsKey("build"), "jobs are not resources");

    JsonPath run = TestDaemon.api().get("/api/runs/{id}", second).then().extract().jsonPath();
    assertEquals(List.of("Task 0"), run.getList("steps.name"));
    assertEquals(List.of("task"), run.getList("steps.kind"));
    assertEquals(List.of("success"), run.getList("steps.status"));
    assertEquals(1, run.getList("steps.durationMs").size());
    assertEquals(1, run.getList("steps.startedAt").size());
    assertEquals(
        List.of(Map.of("name", "app-image", "kind", "resource", "number", 3, "versionName", "1.2")),
        run.getList("versions").stream()
            .filter(v -> ((Map<?, ?>) v).get("kind").equals("resource"))
            .toList(),
        "the OUT version it made (the YAML's 0.1.0 is #1)");
    assertEquals(
        List.of("build"),
        run.getList("versions").stream()
            .filter(v -> ((Map<?, ?>) v).get("kind").equals("job"))
            .map(v -> ((Map<?, ?>) v).get("name"))
            .toList(),
        "and its job's own version");
    JsonPath listed =
        TestDaemon.api()
            .queryParam("line", line)
            .get("/api/runs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(
        run.getList("versions"), listed.getList("find { it.id == " + second + " }.versions"));
    assertEquals(
        List.of(Map.of("name", "broken", "kind", "job", "number", 1)),
        listed.getList("find { it.id == " + broken + " }.versions"),
        "a failure posts its job's version only; no versionName when it has none");
    assertEquals("failure", listed.getString("find { it.id == " + broken + " }.steps[0].status"));

    JsonPath summary =
        TestDaemon.api()
            .get("/api/lines")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .setRootPath("find { it.name == '" + line + "' }");
    assertEquals(Map.of("success", 1, "failure", 1, "none", 1), summary.getMap("statusCounts"));
    assertEquals(broken, summary.getLong("lastRun.id"));
    assertEquals("broken", summary.getString("lastRun.job"));
    assertEquals("failure", summary.getString("lastRun.status"));
    assertEquals(
        status.getString("jobs.broken.finishedAt"), summary.getString("lastRun.finishedAt"));
  }

  @Test
  void aLineWithoutRunsCountsEveryJobAsNoneAndHasNoLastRun() {
    TestDaemon.api()
        .get("/api/lines")
        .then()
        .statusCode(200)
        .body("find { it.name == '" + line + "' }.statusCounts", equalTo(Map.of("none", 3)))
        .body("find { it.name == '" + line + "' }.lastRun", nullValue())
        .body("find { it.name == '" + line + "' }.jobs", notNullValue());
  }

  @Test
  void anUnknownLineHasNoStatus() {
    TestDaemon.api()
        .get("/api/lines/made-up-line/status")
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:shiprun:problem:not-found"));
  }
}
