package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.runner.secrets.IntegrationStore;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.VersionKind;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets a script makes at run time ({@code shipctl mask}) and the fail-closed checks after the
 * scripts: what got past the masker is masked again in the stored log and reported by place (with
 * {@code --strict-secrets} the job fails and posts nothing); a version that would carry a secret is
 * refused and the job fails naming the field, or with {@code --store-masked-versions} it is stored
 * and shown with the mask.
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

  /** The posts of the version tests: a secret as versionName, in properties, in the job's own. */
  private static final String POSTS =
      """
      - tok=%s
      - shipctl mask "$tok"
      - shipctl post_resource_state app-image versionName "$APPIMAGE_INTEGRATION_PASSWORD"
      - shipctl put_resource_state app-image encoded "$(printf %%s "$APPIMAGE_INTEGRATION_PASSWORD" | base64)"
      - shipctl put_resource_state app-image session "$tok"
      - shipctl put_resource_state app-image tag "v1"
      - shipctl post_resource_state build note "pass-$BASEIMAGE_INTEGRATION_PASSWORD"
      """
          .formatted(TOKEN);

  @Test
  void aVersionThatCarriesASecretIsRefusedTheJobFailsNamingEachFieldAndNothingShowsIt(
      QuarkusMainLauncher launcher) throws Exception {
    Path line = line(POSTS);
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    RunHarness.Summary refused = run(shiprun, line);

    assertEquals(1, refused.exitCode(), refused.describe());
    assertEquals("failure", refused.status("build"));
    String reason = refused.run("build").get("reason").asText();
    for (String field :
        List.of(
            "out 'app-image': versionName carries a secret of integration 'hub-creds'",
            "property 'encoded' carries a secret of integration 'hub-creds'",
            "property 'session' carries a value given to shipctl mask",
            "job 'build': property 'note' carries a secret of integration 'hub-creds'",
            "--store-masked-versions")) {
      assertTrue(reason.contains(field), reason);
    }
    assertTrue(refused.run("build").get("outVersions").isEmpty(), refused.describe());
    String log = shiprun.log(refused.runId("build"));
    assertTrue(
        log.contains(
            "out 'app-image': versionName carries a secret of integration 'hub-creds', property"
                + " 'encoded' carries a secret of integration 'hub-creds', property 'session'"
                + " carries a value given to shipctl mask; not stored"),
        log);
    assertTrue(
        log.contains(
            "job 'build': property 'note' carries a secret of integration 'hub-creds'; not stored"),
        log);
    assertTrue(log.contains("failure: out 'app-image': versionName"), log);

    // Nothing of the refused versions is stored: the image keeps the YAML's version, the job
    // has the version of a failure (no property it posted).
    assertEquals(1, shiprun.versions("app-image").size(), "only the YAML's version");
    JsonNode jobVersions = shiprun.versions("build");
    assertEquals(1, jobVersions.size());
    assertFalse(jobVersions.get(0).get("propertyBag").has("note"), jobVersions.toString());

    LaunchResult text =
        launcher.launch(
            "run",
            line.toString(),
            "--home",
            temp.resolve("home").toString(),
            "-i",
            line.resolve("integrations.yml").toString());
    assertEquals(1, text.exitCode(), text.getErrorOutput());
    assertTrue(
        text.getOutput()
            .contains("build #2: out 'app-image': versionName carries a secret of integration"),
        text.getOutput());
    assertTrue(
        text.getErrorOutput().contains("finished build #2: failure in"), text.getErrorOutput());
    for (String shown :
        List.of(
            refused.describe(),
            text.getOutput(),
            text.getErrorOutput(),
            log,
            shiprun.log(refused.runId("build") + 1),
            shiprun.versions("app-image").toString(),
            shiprun.versions("build").toString())) {
      assertNoSecret(shown);
    }
  }

  @Test
  void withStoreMaskedVersionsAVersionThatCarriesASecretIsStoredAndShownWithTheMask(
      QuarkusMainLauncher launcher) throws Exception {
    Path line = line(POSTS);
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    RunHarness.Summary masked = run(shiprun, line, "--store-masked-versions");

    assertEquals(0, masked.exitCode(), masked.describe());
    JsonNode posted = masked.run("build").get("outVersions").get(0);
    assertEquals("app-image", posted.get("name").asText());
    assertEquals("***", posted.get("versionName").asText());

    JsonNode image = shiprun.versions("app-image").get(0);
    assertEquals(2, image.get("versionNumber").asInt());
    assertEquals("***", image.get("versionName").asText());
    JsonNode bag = image.get("propertyBag");
    assertEquals("***", bag.get("encoded").asText());
    assertEquals("***", bag.get("session").asText());
    assertEquals("v1", bag.get("tag").asText());
    JsonNode job = shiprun.versions("build").get(0).get("propertyBag");
    assertEquals("pass-***", job.get("note").asText());

    String log = shiprun.log(masked.runId("build"));
    assertTrue(
        log.contains(
            "job 'build': property 'note' carries a secret of integration 'hub-creds';"
                + " stored with the secret as ***"),
        log);
    assertTrue(log.contains("new version of app-image: #2 ***"), log);

    LaunchResult listed =
        launcher.launch("versions", "app-image", "--home", temp.resolve("home").toString());
    assertEquals(0, listed.exitCode(), listed.getErrorOutput());
    assertTrue(listed.getOutput().contains("#2  ***  run "), listed.getOutput());
    for (String shown :
        List.of(
            masked.describe(),
            log,
            listed.getOutput(),
            shiprun.versions("app-image").toString(),
            shiprun.versions("build").toString())) {
      assertNoSecret(shown);
    }
  }

  @Test
  void versionsShowsAVersionStoredWithASecretOfTheHomesIntegrationsMasked(
      QuarkusMainLauncher launcher) throws Exception {
    Path home = temp.resolve("home");
    new IntegrationStore(home, Optional.empty(), IntegrationTypes.builtIn())
        .put(
            new Integration(
                "hub-creds",
                IntegrationTypes.DOCKER_REGISTRY,
                Map.of("password", new FieldValue.Hidden(new Secret(PASSWORD))),
                SourceLocation.ofFile("integrations.yml")),
            false);
    // As an older shiprun stored it: the secret as it is.
    try (Store store = Store.open(home, new ObjectMapper())) {
      store.transaction(
          c ->
              store
                  .versions()
                  .post(
                      c,
                      new NewVersion(
                          "line",
                          "app-image",
                          VersionKind.RESOURCE,
                          Optional.of(PASSWORD),
                          Map.of("token", "x" + PASSWORD),
                          Optional.empty(),
                          OptionalLong.empty())));
    }
    LaunchResult text = launcher.launch("versions", "app-image", "--home", home.toString());
    LaunchResult json =
        launcher.launch("versions", "app-image", "--home", home.toString(), "-o", "json");
    assertEquals(0, text.exitCode(), text.getErrorOutput());
    assertTrue(text.getOutput().contains("#1  ***  from YAML"), text.getOutput());
    assertTrue(text.getOutput().contains("\"token\" : \"x***\""), text.getOutput());
    assertTrue(json.getOutput().contains("\"versionName\" : \"***\""), json.getOutput());
    assertNoSecret(text.getOutput() + text.getErrorOutput() + json.getOutput());
  }

  /** No made-up secret, nor the base64 of the registry password, is in {@code shown}. */
  private static void assertNoSecret(String shown) {
    String encoded = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
    for (String secret : List.of(PASSWORD, TOKEN, encoded, "made-up")) {
      assertFalse(shown.contains(secret), shown);
    }
  }
}
