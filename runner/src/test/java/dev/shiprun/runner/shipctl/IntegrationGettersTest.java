package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Integration getters, for resources (spec §3.5) and direct job integrations (spec §3.8). */
class IntegrationGettersTest {

  /** A made-up Docker Registry secret; the password has everything a shell could mangle. */
  static final String REGISTRY =
      """
      {"id": "5f1", "masterName": "dockerRegistryLogin", "url": "https://registry.test",
       "username": "robot", "password": "p a$$ *w\\"o'rd", "email": "robot@example.test"}
      """;

  /** Base64 lines ending in '=' look like KEY=VALUE lines to a line-by-line reader. */
  static final String PEM_LINES = "-----BEGIN KEY-----\nMIIB+x/y==\nQUJD=\n-----END KEY-----";

  @TempDir Path dir;
  JobFolder job;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "deploy");
    job.in("app-img", "image").integration(REGISTRY);
  }

  @Test
  void integrationResourcePrintsIntegrationJson() {
    Shipctl.Result result = job.shipctl("get_integration_resource", "app-img");

    assertEquals(0, result.exitCode(), result::toString);
    JsonNode json = JobFolder.read(result.stdout());
    assertEquals("dockerRegistryLogin", json.get("masterName").asText());
    assertEquals("robot", json.get("username").asText());
  }

  @Test
  void integrationResourceWithKeyPrintsThatValueRaw() {
    Shipctl.Result result = job.shipctl("get_integration_resource", "app-img", "password");

    assertEquals("p a$$ *w\"o'rd\n", result.stdout());
  }

  @Test
  void integrationResourceOfAResourceWithoutIntegrationSkipsWithExit0() {
    job.in("plain", "state");

    Shipctl.Result result = job.shipctl("get_integration_resource", "plain", "username");

    assertEquals(0, result.exitCode());
    assertEquals("", result.stdout());
    assertTrue(result.stderr().startsWith("The given resource is not of type integration."));
  }

  @Test
  void resourceKeysListTheEnvFileKeysWithoutIdAndMasterName() {
    job.shipctl("get_integration_resource_keys", "app-img")
        .assertPrinted("url\nusername\npassword\nemail\n");
  }

  @Test
  void resourceKeysSkipTheLinesOfAMultiLineValue() {
    String ssh =
        JobFolder.JSON
            .createObjectNode()
            .put("masterName", "sshKey")
            .put("publicKey", "ssh-rsa AAAA")
            .put("privateKey", PEM_LINES)
            .toString();
    job.in("deploy-key", "integration").integration(ssh);

    Shipctl.Result result = job.shipctl("get_integration_resource_keys", "deploy-key");

    assertEquals("publicKey\nprivateKey\n", result.stdout());
  }

  @Test
  void resourceKeysWithoutIntegrationEnvExit99() {
    job.in("plain", "state");

    Shipctl.Result result = job.shipctl("get_integration_resource_keys", "plain");

    result.assertFailed(99, "Error: integration.env not present for resource: plain\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"password", "PASSWORD", "PassWord"})
  void resourceFieldIsFoundWhateverTheCaseOfItsName(String field) {
    job.shipctl("get_integration_resource_field", "app-img", field)
        .assertPrinted("p a$$ *w\"o'rd\n");
  }

  @Test
  void keyValueEntriesAreReachableAsFields() {
    job.in("app-env", "integration")
        .integration(
            "{\"masterName\": \"keyValuePair\", \"envs\": {\"DB_PASS\": \"s3cr3t value\"}}");

    assertEquals(
        "s3cr3t value\n",
        job.shipctl("get_integration_resource_field", "app-env", "db_pass").stdout());
    assertEquals("s3cr3t value\n", job.bash("printf '%s\\n' \"$DB_PASS\"").stdout());
  }

  @Test
  void directIntegrationKeysAndFields() {
    job.directIntegration(
        "team-slack", "{\"masterName\": \"slackKey\", \"webhookUrl\": \"https://hooks.test/T/1\"}");

    assertEquals("webhookUrl\n", job.shipctl("get_integration_keys", "team-slack").stdout());
    assertEquals(
        "https://hooks.test/T/1\n",
        job.shipctl("get_integration_field", "team-slack", "webhookurl").stdout());
  }

  @Test
  void directIntegrationFieldNeedsItsIntegrationJson() {
    Shipctl.Result result = job.shipctl("get_integration_field", "absent", "token");

    result.assertFailed(99, "Error: integration.json not present for integration: absent\n");
  }

  @Test
  void directIntegrationKeysNeedItsIntegrationEnv() {
    Shipctl.Result result = job.shipctl("get_integration_keys", "absent");

    result.assertFailed(99, "Error: integration.env not present for integration: absent\n");
  }
}
