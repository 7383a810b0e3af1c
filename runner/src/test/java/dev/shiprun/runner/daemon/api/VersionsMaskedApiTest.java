package dev.shiprun.runner.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.VersionKind;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The versions of a resource as the API shows them: a params resource's {@code secure:} value, and
 * its opened pairs and the daemon's integration secrets wherever a version holds them, as {@code
 * ***}; plain values as they are.
 */
@QuarkusTest
class VersionsMaskedApiTest {

  private static final String DEPLOY_TOKEN = "made-up-deploy-token-2718";

  @Inject DaemonContext daemon;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void secureValuesAndTheirPairsAreShownMasked() throws Exception {
    DaemonContext.Opened opened = TestDaemon.open(daemon);
    String line = "masked-" + Long.toHexString(System.nanoTime());
    String blob = opened.integrations().encrypt("DEPLOY_TOKEN=" + DEPLOY_TOKEN + "\n");
    String yaml =
        """
        resources:
          - name: secrets
            type: params
            versionTemplate:
              params:
                COLOR: blue
                secure: %s
        jobs:
          - name: deploy
            type: runSh
            steps:
              - IN: secrets
              - TASK: {script: ['test "$SECRETS_PARAMS_DEPLOY_TOKEN" = "%s"']}
        """
            .formatted(blob, DEPLOY_TOKEN);
    TestDaemon.api()
        .contentType("application/yaml")
        .body(LinesEndpointTest.yaml(yaml))
        .put("/api/lines/" + line)
        .then()
        .statusCode(201);
    long id = TestDaemon.runToEnd(line, "deploy");
    String status =
        TestDaemon.api().get("/api/runs/{id}", id).then().extract().<String>path("status");
    assertEquals("success", status, "the job read the opened pair");

    // A version an older shiprun might have stored: the opened pair in its versionName and bag.
    Store store = opened.store();
    store.transaction(
        c ->
            store
                .versions()
                .post(
                    c,
                    new NewVersion(
                        line,
                        "secrets",
                        VersionKind.RESOURCE,
                        Optional.of("v-" + DEPLOY_TOKEN),
                        Map.of("params", Map.of("COLOR", "red", "LEAKED", DEPLOY_TOKEN)),
                        Optional.empty(),
                        OptionalLong.empty())));

    String answer =
        TestDaemon.api()
            .get("/api/resources/{line}/secrets/versions", line)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(answer.contains(DEPLOY_TOKEN), answer);
    assertFalse(answer.contains(blob), "the encrypted value is not shown either: " + answer);
    List<Map<String, Object>> versions =
        TestDaemon.api()
            .get("/api/resources/{line}/secrets/versions", line)
            .then()
            .extract()
            .jsonPath()
            .getList("$");
    assertEquals("v-***", versions.get(0).get("versionName"));
    assertEquals(
        Map.of("COLOR", "red", "LEAKED", "***"),
        ((Map<?, ?>) versions.get(0).get("propertyBag")).get("params"));
    Map<?, ?> bag = (Map<?, ?>) versions.get(1).get("propertyBag");
    assertEquals(Map.of("COLOR", "blue"), bag.get("params"), "the YAML version's plain params");
    assertEquals(
        Map.of("params", Map.of("COLOR", "blue", "secure", "***")),
        ((Map<?, ?>) bag.get("yml")).get("versionTemplate"),
        "the YAML it was made from, its encrypted value hidden");
    assertTrue(
        TestDaemon.api()
            .get("/api/lines/{line}/status", line)
            .then()
            .extract()
            .asString()
            .contains("\"versionName\":\"v-***\""));
    String picture =
        TestDaemon.api().get("/api/lines/{line}/picture", line).then().extract().asString();
    assertFalse(picture.contains(DEPLOY_TOKEN), picture);
    assertTrue(picture.contains(">v-***</text>"), picture);
  }
}
