package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShipctlDispatcherTest {

  /** Every command of spec §4.2 that shiprun's shipctl implements. */
  static final List<String> COMMANDS =
      List.of(
          "sanitize_shippable_string",
          "to_uppercase",
          "get_resource_name",
          "get_resource_id",
          "get_resource_meta",
          "get_resource_state",
          "get_resource_path",
          "get_resource_operation",
          "get_resource_type",
          "get_resource_env",
          "get_resource_version_name",
          "get_resource_version_number",
          "get_resource_version_id",
          "get_resource_version_key",
          "get_resource_pointer_key",
          "get_params_resource",
          "get_integration_resource",
          "get_integration_resource_keys",
          "get_integration_resource_field",
          "get_integration_keys",
          "get_integration_field",
          "post_resource_state",
          "put_resource_state",
          "post_resource_state_multi",
          "put_resource_state_multi",
          "copy_file_to_state",
          "copy_file_from_prev_state",
          "refresh_file_to_state",
          "copy_resource_file_from_state",
          "copy_file_from_resource_state",
          "refresh_file_to_out_path",
          "copy_file_to_resource_state",
          "replicate",
          "notify",
          "get_git_changes",
          "bump_version",
          "replace",
          "get_json_value",
          "decrypt",
          "retry",
          "split_tests");

  @TempDir Path dir;
  JobFolder job;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "deploy");
  }

  @Test
  void noArgumentsPrintsTheUsageOnStdoutAndExits99() {
    Shipctl.Result result = job.shipctl();

    assertEquals(99, result.exitCode(), result::toString);
    assertTrue(result.stdout().startsWith("Usage: shipctl COMMAND"), result::toString);
    assertEquals("", result.stderr());
  }

  @Test
  void helpListsEveryCommandAndExits0() {
    Shipctl.Result result = job.shipctl("--help");

    assertEquals(0, result.exitCode(), result::toString);
    for (String command : COMMANDS) {
      assertTrue(result.stdout().contains(command), () -> command + " missing in\n" + result);
    }
  }

  @Test
  void unknownCommandIsNotSupported() {
    Shipctl.Result result = job.shipctl("deploy_everything", "now");

    assertEquals(99, result.exitCode());
    assertEquals("The command deploy_everything is not supported\n", result.stdout());
  }

  @Test
  void internalHelpersAreNotCommands() {
    Shipctl.Result result = job.shipctl("_sc_die", "boom", "0");

    assertEquals(99, result.exitCode());
    assertEquals("The command _sc_die is not supported\n", result.stdout());
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "service"})
  void ciOnlyCommandsAreNotSupportedOnThisImage(String command) {
    Shipctl.Result result = job.shipctl(command, "set", "17");

    assertEquals(99, result.exitCode());
    assertEquals("The command " + command + " is not supported on this image.\n", result.stdout());
  }

  @ParameterizedTest
  @FieldSource("COMMANDS")
  void everyCommandWithoutArgumentsPrintsItsUsageOnStdout(String command) {
    Shipctl.Result result = job.shipctl(command);

    assertEquals(99, result.exitCode(), result::toString);
    assertTrue(result.stdout().startsWith("Usage: shipctl " + command), result::toString);
    assertEquals("", result.stderr(), result::toString);
  }

  @Test
  void jobScriptsFindShipctlOnThePath() {
    job.in("app-img", "image").versionVars("1.4 beta", 3, 99);

    Shipctl.Result result =
        job.bash("tag=\"$(shipctl get_resource_version_name app-img)\"; echo \"[$tag]\"");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("[1.4 beta]\n", result.stdout());
  }

  @Test
  void shippedScriptIsAnExecutableBashScript() throws Exception {
    // Surefire runs in the module folder; the git mode of this file is what a clone gets.
    Path source = Path.of("src/main/resources/shipctl/shipctl");

    assertTrue(Files.isExecutable(source), "chmod +x (git update-index --chmod=+x) " + source);
    assertTrue(Files.readString(source).startsWith("#!/usr/bin/env bash\n"));
  }
}
