package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets a script makes at run time ({@code shipctl mask}) and the fail-closed check after the
 * scripts (issue 4): what got past the masker is masked again in the stored log and reported by
 * place; with {@code --strict-secrets} the job fails and posts nothing.
 */
@QuarkusMainTest
class RunSecretsTest {

  private static final String TOKEN = "made-up-runtime-token-42";
  private static final String PASSWORD = "made-up-registry-pass-77";

  @TempDir Path temp;

  private Path line(String script) throws Exception {
    Path line = temp.resolve("line");
    Files.createDirectories(line);
    Files.writeString(
        line.resolve("shippable.yml"),
        """
        resources:
          - name: base-image
            type: image
            integration: hub-creds
            versionTemplate: {sourceName: registry.example.com/base, versionName: "1"}
          - name: app-image
            type: image
            integration: hub-creds
            versionTemplate: {sourceName: registry.example.com/app, versionName: "1"}
        jobs:
          - name: build
            type: runSh
            steps:
              - IN: base-image
              - TASK:
                  script:
        %s
              - OUT: app-image
        """
            .formatted(script.indent(12).stripTrailing()));
    Files.writeString(
        line.resolve("integrations.yml"),
        """
        integrations:
          - name: hub-creds
            type: dockerRegistryLogin
            username: alice
            password: %s
        """
            .formatted(PASSWORD));
    return line;
  }

  private RunHarness.Summary run(RunHarness shiprun, Path line, String... more) throws Exception {
    String[] args = new String[more.length + 2];
    args[0] = "-i";
    args[1] = line.resolve("integrations.yml").toString();
    System.arraycopy(more, 0, args, 2, more.length);
    return shiprun.run(line.toString(), args);
  }

  @Test
  void aValueTheScriptRegistersIsMaskedInEveryLaterLineAndTheCallShowsNothing(
      QuarkusMainLauncher launcher) throws Exception {
    Path line =
        line(
            """
            - tok=%s
            - shipctl mask "$tok"
            - echo "token $tok"
            - echo "encoded $(printf %%s "$tok" | base64)"
            - echo "on stderr $tok" >&2
            """
                .formatted(TOKEN));
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    RunHarness.Summary run = run(shiprun, line);
    assertEquals(0, run.exitCode(), run.describe());
    String log = shiprun.log(run.runId("build"));
    assertTrue(log.contains("token ***"), log);
    assertTrue(log.contains("encoded ***"), log);
    assertTrue(log.contains("on stderr ***"), log);
    assertFalse(log.contains("made-up-runtime"), log);
    assertFalse(log.contains("::shiprun-mask::"), log);
    assertFalse(log.contains("got past the masker"), log);
    assertFalse(run.describe().contains("made-up-runtime"), run.describe());
  }

  @Test
  void aValueRegisteredAfterItWasPrintedIsMaskedInTheStoredLogAndReported(
      QuarkusMainLauncher launcher) throws Exception {
    Path line =
        line(
            """
            - tok=%s
            - echo "too early $tok"
            - shipctl mask "$tok"
            """
                .formatted(TOKEN));
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    RunHarness.Summary warned = run(shiprun, line);
    assertEquals(0, warned.exitCode(), warned.describe());
    String log = shiprun.log(warned.runId("build"));
    assertTrue(log.contains("too early ***"), log);
    assertFalse(log.contains("made-up-runtime"), log);
    assertTrue(
        log.contains("warning: a secret got past the masker into the stored log, line 4"), log);

    RunHarness.Summary strict = run(shiprun, line, "--strict-secrets");
    assertEquals(1, strict.exitCode(), strict.describe());
    assertEquals("failure", strict.status("build"));
    assertTrue(
        strict.run("build").get("reason").asText().contains("the stored log, line 4"),
        strict.describe());
    assertFalse(shiprun.log(strict.runId("build")).contains("made-up-runtime"));
  }

  @Test
  void aSecretWrittenIntoAVersionIsReportedAndWithStrictSecretsNothingIsPosted(
      QuarkusMainLauncher launcher) throws Exception {
    Path line =
        line(
            "- echo \"versionName=$APPIMAGE_INTEGRATION_PASSWORD\" > \"$JOB_STATE/app-image.env\"");
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    RunHarness.Summary strict = run(shiprun, line, "--strict-secrets");
    assertEquals(1, strict.exitCode(), strict.describe());
    assertTrue(
        strict
            .run("build")
            .get("reason")
            .asText()
            .contains("OUT version of app-image: versionName"),
        strict.describe());
    assertEquals(1, shiprun.versions("app-image").size(), "only the YAML's version");
    assertFalse(strict.describe().contains(PASSWORD));

    RunHarness.Summary warned = run(shiprun, line);
    assertEquals(0, warned.exitCode(), warned.describe());
    assertTrue(
        shiprun
            .log(warned.runId("build"))
            .contains(
                "warning: a secret got past the masker into OUT version of app-image: versionName"));
  }
}
