package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
class PlanCommandTest {

  private static final String LINE = "src/test/resources/fixtures/plan";
  private static final String INTEGRATIONS = LINE + "/integrations.yml";
  private static final String SECRET = "made-up-s3cret-value";

  private static void assertNoSecret(LaunchResult result) {
    assertFalse(result.getOutput().contains(SECRET), "stdout leaks the secret");
    assertFalse(result.getErrorOutput().contains(SECRET), "stderr leaks the secret");
  }

  @Test
  void plansTheWholeLineInWavesWithEachJobsEnvironment(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("plan", LINE, "--integrations", INTEGRATIONS);

    assertEquals(ExitCode.OK.code(), result.exitCode(), result.getErrorOutput());
    String out = result.getOutput();
    assertTrue(out.startsWith("plan: 2 jobs in 2 waves"), out);
    assertTrue(out.indexOf("  build (runSh)") < out.indexOf("  deploy (runSh)"), out);
    assertTrue(out.contains("reads:  my-img (image)"), out);
    assertTrue(out.contains("writes: app-out (image)"), out);
    assertTrue(out.contains("MYIMG_INTEGRATION_URL=https://index.docker.io/v1/"), out);
    assertTrue(out.contains("MYIMG_INTEGRATION_USERNAME=test-user"), out);
    assertTrue(out.contains("MYIMG_INTEGRATION_PASSWORD=***"), out);
    assertTrue(out.contains("APPOUT_INTEGRATION_PASSWORD=***"), out);
    assertTrue(out.contains("MYIMG_PATH={JOB_PATH}/IN/my-img"), out);
    assertNoSecret(result);
  }

  @Test
  void printsJsonWithSecretsHidden(QuarkusMainLauncher launcher) throws Exception {
    LaunchResult result =
        launcher.launch("plan", LINE, "-i", INTEGRATIONS, "-o", "json", "--job", "build");

    assertEquals(ExitCode.OK.code(), result.exitCode(), result.getErrorOutput());
    JsonNode json = new ObjectMapper().readTree(result.getOutput());
    assertTrue(json.get("ok").asBoolean());
    assertEquals(2, json.get("jobs").size(), "build and what it triggers");
    JsonNode build = json.get("jobs").get(0);
    assertEquals("build", build.get("name").asText());
    assertEquals(1, build.get("wave").asInt());
    boolean found = false;
    for (JsonNode v : build.get("env")) {
      if (v.get("name").asText().equals("MYIMG_INTEGRATION_PASSWORD")) {
        assertEquals("***", v.get("value").asText());
        assertTrue(v.get("secret").asBoolean());
        found = true;
      }
    }
    assertTrue(found, "the password variable is listed");
    assertNoSecret(result);
  }

  @Test
  void noDownstreamPlansOnlyTheNamedJob(QuarkusMainLauncher launcher) {
    LaunchResult result =
        launcher.launch("plan", LINE, "-i", INTEGRATIONS, "--job", "build", "--no-downstream");

    assertEquals(ExitCode.OK.code(), result.exitCode(), result.getErrorOutput());
    assertTrue(result.getOutput().startsWith("plan: 1 job in 1 wave"), result.getOutput());
    assertFalse(result.getOutput().contains("deploy (runSh)"));
  }

  @Test
  void reportsMissingIntegrationInsteadOfGuessing(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("plan", LINE, "-i", LINE + "/integrations-typo.yml");

    assertEquals(ExitCode.FAILED.code(), result.exitCode());
    String err = result.getErrorOutput();
    assertTrue(
        err.contains(
            LINE
                + "/shippable.yml:4:18: error[AL120]: integration 'hub-creds' is not defined;"
                + " job 'build' needs it"),
        err);
    assertTrue(err.contains("hint: did you mean 'hub-cred'?"), err);
    assertTrue(err.contains("plan incomplete: 1 error"), err);
    assertNoSecret(result);
  }

  @Test
  void unknownJobIsAUsageErrorWithASuggestion(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("plan", LINE, "-i", INTEGRATIONS, "--job", "biuld");

    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertTrue(
        result
            .getErrorOutput()
            .contains("no job named 'biuld' in this assembly line; did you" + " mean 'build'?"),
        result.getErrorOutput());
  }

  @Test
  void invalidLineIsReportedNotPlanned(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("plan", "src/test/resources/fixtures/invalid");

    assertEquals(ExitCode.FAILED.code(), result.exitCode());
    assertTrue(result.getErrorOutput().contains("error[AL107]"), result.getErrorOutput());
    assertEquals("", result.getOutput());
  }

  @Test
  void sampleWithoutIntegrationsPlansCleanly(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("plan", "../samples/params-state");

    assertEquals(ExitCode.OK.code(), result.exitCode(), result.getErrorOutput());
    assertTrue(result.getOutput().contains("  count-runs (runSh)"), result.getOutput());
  }
}
