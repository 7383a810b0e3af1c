package dev.shiprun.runner.daemon.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.Poll;
import dev.shiprun.runner.store.LineSource;
import dev.shiprun.runner.store.Store;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A job the daemon runs posts a secret of its integration as an OUT's versionName and property: the
 * version is refused, the run fails naming the fields, and no answer of the API holds the secret.
 */
@QuarkusTest
class VersionSecretsApiTest {

  private static final String PASSWORD = "made-up-daemon-pass-3141";

  @Inject DaemonContext daemon;

  /** A line whose job posts the password of {@code integration} into its OUT's version. */
  static String line(String integration) {
    return """
        resources:
          - name: base-image
            type: image
            integration: %1$s
            versionTemplate: {sourceName: registry.example.com/base, versionName: "1"}
          - name: app-image
            type: image
            integration: %1$s
            versionTemplate: {sourceName: registry.example.com/app, versionName: "1"}
        jobs:
          - name: build
            type: runSh
            steps:
              - IN: base-image
              - TASK:
                  script:
                    - shipctl post_resource_state app-image versionName "$APPIMAGE_INTEGRATION_PASSWORD"
                    - shipctl put_resource_state app-image token "x$APPIMAGE_INTEGRATION_PASSWORD"
              - OUT: app-image
        """
        .formatted(integration);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aVersionThatCarriesASecretIsRefusedAndTheRunFailsNamingTheFields() throws Exception {
    DaemonContext.Opened opened = TestDaemon.open(daemon);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String integration = "hub-" + suffix;
    String line = "secrets-" + suffix;
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("username", "alice");
    fields.put("password", PASSWORD);
    TestDaemon.api()
        .contentType("application/json")
        .body(Map.of("type", "dockerRegistryLogin", "fields", fields))
        .put("/api/integrations/" + integration)
        .then()
        .statusCode(201);
    Store store = opened.store();
    store.transaction(
        c ->
            store
                .lines()
                .put(
                    c,
                    LineSource.uploaded(
                        line, Map.of("shippable.yml", line(integration)), Instant.now())));

    long id =
        TestDaemon.api()
            .post("/api/lines/{line}/jobs/{job}/runs", line, "build")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath()
            .getLong("id");
    String status =
        Poll.until(
            Duration.ofSeconds(60),
            () ->
                TestDaemon.api().get("/api/runs/{id}", id).then().extract().<String>path("status"),
            s -> !s.equals("queued") && !s.equals("processing"),
            s -> "run " + id + " still " + s);

    assertEquals("failure", status);
    String run =
        TestDaemon.api()
            .get("/api/runs/{id}", id)
            .then()
            .statusCode(200)
            .body(
                "reason",
                containsString(
                    "out 'app-image': versionName carries a secret of integration '"
                        + integration
                        + "', property 'token' carries a secret of integration '"
                        + integration
                        + "'; not stored"))
            .extract()
            .asString();
    String versions =
        TestDaemon.api()
            .get("/api/resources/{line}/{name}/versions", line, "app-image")
            .then()
            .statusCode(200)
            .body("size()", equalTo(1))
            .body("[0].versionName", equalTo("1"))
            .extract()
            .asString();
    String jobVersions =
        TestDaemon.api()
            .get("/api/resources/{line}/{name}/versions", line, "build")
            .then()
            .statusCode(200)
            .body("size()", equalTo(1))
            .extract()
            .asString();
    String log =
        TestDaemon.api().get("/api/runs/{id}/log", id).then().statusCode(200).extract().asString();
    assertTrue(log.contains("; not stored"), log);
    String runs = TestDaemon.api().get("/api/runs?line=" + line).then().extract().asString();
    for (String answer : List.of(run, versions, jobVersions, log, runs)) {
      assertFalse(answer.contains(PASSWORD), answer);
      assertFalse(answer.contains("made-up"), answer);
    }
  }
}
