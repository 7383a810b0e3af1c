package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
class ValidateCommandTest {

  private static final String VALID = "src/test/resources/fixtures/valid";
  private static final String INVALID = "src/test/resources/fixtures/invalid";
  private static final String INVALID_FILE = INVALID + "/shippable.yml";

  @Test
  @Launch(value = {"validate", VALID})
  void acceptsValidAssemblyLine(LaunchResult result) {
    assertEquals(ExitCode.OK.code(), result.exitCode());
    assertTrue(
        result.getErrorOutput().contains("valid: 2 jobs, 2 resources (0 errors, 0 warnings)"),
        result.getErrorOutput());
    assertEquals("", result.getOutput(), "text mode keeps stdout empty");
  }

  @Test
  @Launch(
      value = {"validate", INVALID},
      exitCode = 1)
  void rejectsJobThatReadsUnknownResource(LaunchResult result) {
    String err = result.getErrorOutput();
    assertTrue(
        err.contains(
            INVALID_FILE + ":9:13: error[AL107]: job 'deploy' reads unknown resource 'app-imgae'"),
        err);
    assertTrue(err.contains(" 9 |       - IN: app-imgae"), err);
    assertTrue(err.contains("   |             ^"), err);
    assertTrue(err.contains("  hint: did you mean 'app-image'?"), err);
    assertTrue(err.contains("invalid: 1 error, 0 warnings"), err);
  }

  @Test
  void printsJsonForMachines(QuarkusMainLauncher launcher) throws Exception {
    LaunchResult result = launcher.launch("validate", "--output", "json", INVALID);

    assertEquals(ExitCode.FAILED.code(), result.exitCode());
    JsonNode json = new ObjectMapper().readTree(result.getOutput());
    assertFalse(json.get("valid").asBoolean());
    assertEquals(1, json.get("errors").asInt());
    assertEquals(0, json.get("warnings").asInt());
    JsonNode d = json.get("diagnostics").get(0);
    assertEquals("error", d.get("severity").asText());
    assertEquals("AL107", d.get("code").asText());
    assertEquals("job 'deploy' reads unknown resource 'app-imgae'", d.get("message").asText());
    assertEquals(INVALID_FILE, d.get("file").asText());
    assertEquals(9, d.get("line").asInt());
    assertEquals(13, d.get("column").asInt());
    assertTrue(d.get("hints").get(0).asText().startsWith("did you mean 'app-image'?"));
    assertTrue(result.getErrorOutput().contains("invalid: 1 error, 0 warnings"));
  }

  @Test
  void printsJsonOfValidAssemblyLine(QuarkusMainLauncher launcher) throws Exception {
    LaunchResult result = launcher.launch("validate", "-o", "JSON", VALID);

    assertEquals(ExitCode.OK.code(), result.exitCode());
    JsonNode json = new ObjectMapper().readTree(result.getOutput());
    assertTrue(json.get("valid").asBoolean());
    assertEquals(0, json.get("diagnostics").size());
  }

  @Test
  @Launch(
      value = {"validate", "--outptu", "json"},
      exitCode = 2)
  void rejectsUnknownOptionAsUsageError(LaunchResult result) {
    String err = result.getErrorOutput();
    assertTrue(err.contains("shiprun validate: unknown option '--outptu'"), err);
    assertTrue(err.contains("hint: did you mean '--output'?"), err);
    assertTrue(err.contains("try 'shiprun validate --help'"), err);
    assertFalse(err.contains("Usage:"), "no wall of help text on a mistake");
  }

  @Test
  @Launch(
      value = {"validate", "--output", "xml", VALID},
      exitCode = 2)
  void rejectsUnknownOutputFormat(LaunchResult result) {
    assertTrue(
        result.getErrorOutput().contains("expected text or json, not 'xml'"),
        result.getErrorOutput());
  }
}
