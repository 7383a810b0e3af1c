package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.registry.TestImage;
import dev.shiprun.runner.registry.TestRegistry;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker Registry integration end to end against Debian's docker-registry: stored with {@code
 * integration add}, checked with {@code integration test}, and a job that pushes and inspects an
 * image with skopeo and no login in its script — through {@code REGISTRY_AUTH_FILE} and {@code
 * DOCKER_CONFIG} — while the password and the auth string stay out of every log.
 */
@QuarkusMainTest
class RunRegistryTest {

  @TempDir Path temp;

  private LaunchResult add(
      QuarkusMainLauncher launcher, Path home, String name, String url, String password)
      throws Exception {
    Path secret = temp.resolve(name + ".secret");
    Files.writeString(secret, password + "\n");
    return launcher.launch(
        "integration",
        "add",
        name,
        "--type",
        "dockerRegistryLogin",
        "--url",
        url,
        "--username",
        TestRegistry.USERNAME,
        "--email",
        "tester@example.com",
        "--password-file",
        secret.toString(),
        "--home",
        home.toString());
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aJobReachesTheRegistryWithoutALoginAndNothingLeaks(QuarkusMainLauncher launcher)
      throws Exception {
    Path home = temp.resolve("home");
    try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"))) {
      assertEquals(
          0, add(launcher, home, "local-reg", registry.url(), TestRegistry.PASSWORD).exitCode());
      assertEquals(
          0, add(launcher, home, "bad-reg", registry.url(), "made-up-wrong-pass").exitCode());

      LaunchResult ok =
          launcher.launch(
              "integration", "test", "local-reg", "--insecure", "--home", home.toString());
      assertEquals(0, ok.exitCode(), ok.getOutput() + ok.getErrorOutput());
      assertTrue(ok.getOutput().startsWith("local-reg: authenticated"), ok.getOutput());
      LaunchResult wrong =
          launcher.launch(
              "integration", "test", "bad-reg", "--insecure", "--home", home.toString());
      assertEquals(1, wrong.exitCode(), wrong.getOutput());
      assertTrue(wrong.getOutput().contains("wrong username or password"), wrong.getOutput());
      LaunchResult plain =
          launcher.launch("integration", "test", "local-reg", "--home", home.toString());
      assertEquals(1, plain.exitCode());
      assertTrue(plain.getOutput().contains("--insecure"), plain.getOutput());

      TestImage image = TestImage.write(temp.resolve("layout"), "1");
      Path userHome = Files.createDirectories(temp.resolve("user-home"));
      Path runtime = Files.createDirectories(temp.resolve("runtime"));
      Path seen = temp.resolve("seen.txt");
      Path line = temp.resolve("line");
      Files.createDirectories(line);
      Files.writeString(
          line.resolve("shippable.yml"),
          """
          resources:
            - name: app-image
              type: image
              integration: local-reg
              versionTemplate: {sourceName: "%1$s/test/app", versionName: "1"}
          jobs:
            - name: push-image
              type: runSh
              steps:
                - OUT: app-image
                - TASK:
                    script:
                      - echo "$DOCKER_CONFIG $(stat -c %%a "$DOCKER_CONFIG") $(stat -c %%a "$REGISTRY_AUTH_FILE")" > "$SEEN"
                      - skopeo --insecure-policy copy --dest-tls-verify=false "oci:$LAYOUT:1" "docker://$APPIMAGE_SOURCENAME:1"
                      - env -u REGISTRY_AUTH_FILE skopeo inspect --tls-verify=false "docker://$APPIMAGE_SOURCENAME:1" > /dev/null
                      - cat "$REGISTRY_AUTH_FILE"
                      - echo "password $APPIMAGE_INTEGRATION_PASSWORD"
          """
              .formatted(registry.hostPort()));
      LaunchResult run =
          launcher.launch(
              "run",
              line.toString(),
              "--home",
              home.toString(),
              "-v",
              "--env",
              "LAYOUT=" + image.layout(),
              "--env",
              "SEEN=" + seen,
              "--env",
              "HOME=" + userHome,
              "--env",
              "XDG_RUNTIME_DIR=" + runtime);
      String output = run.getErrorOutput() + run.getOutput();
      assertEquals(0, run.exitCode(), output + registry.log());

      String[] modes = Files.readString(seen).strip().split(" ");
      Path dockerConfig = Path.of(modes[0]);
      assertTrue(dockerConfig.endsWith("secrets/docker"), modes[0]);
      assertEquals("700", modes[1], "the folder is private to the run");
      assertEquals("600", modes[2], "the file is private to the run");
      assertFalse(Files.exists(dockerConfig), "the credentials are gone after the job");
      assertFalse(Files.exists(userHome.resolve(".docker")), "the user's ~/.docker was touched");

      String auth =
          Base64.getEncoder()
              .encodeToString(
                  (TestRegistry.USERNAME + ":" + TestRegistry.PASSWORD)
                      .getBytes(StandardCharsets.UTF_8));
      long runId = 1; // the first run of a fresh home
      LaunchResult log = launcher.launch("logs", Long.toString(runId), "--home", home.toString());
      for (String text : new String[] {output, log.getOutput()}) {
        assertFalse(text.contains(TestRegistry.PASSWORD), "the password leaked: " + text);
        assertFalse(text.contains(auth), "the auth string leaked: " + text);
      }
      // The username's part of the base64 may show; what the password makes of it is masked.
      assertTrue(
          log.getOutput().matches("(?s).*\"auth\" : \"[A-Za-z0-9+/]*\\*\\*\\*\".*"),
          log.getOutput());
      assertTrue(log.getOutput().contains("password ***"), log.getOutput());
    }
  }

  /**
   * A job whose registry command fails ends its log with the integration and registry it used and
   * the command that checks them: a wrong password (the registry says unauthorized) and a registry
   * that is not there (connection refused). A job that fails for another reason, though it has
   * registry access and names the registry, gets no such line.
   */
  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aFailedRegistryCommandNamesTheIntegrationAndHowToCheckIt(QuarkusMainLauncher launcher)
      throws Exception {
    Path home = temp.resolve("home");
    try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"))) {
      String gone = "127.0.0.1:" + TestRegistry.freePort(); // nothing listens there
      assertEquals(
          0, add(launcher, home, "local-reg", registry.url(), TestRegistry.PASSWORD).exitCode());
      assertEquals(
          0, add(launcher, home, "bad-reg", registry.url(), "made-up-wrong-pass").exitCode());
      assertEquals(
          0, add(launcher, home, "gone-reg", "http://" + gone, TestRegistry.PASSWORD).exitCode());
      Path userHome = Files.createDirectories(temp.resolve("user-home"));
      Path runtime = Files.createDirectories(temp.resolve("runtime"));
      Path line = Files.createDirectories(temp.resolve("line"));
      Files.writeString(
          line.resolve("shippable.yml"),
          """
          resources:
            - name: bad-image
              type: image
              integration: bad-reg
              versionTemplate: {sourceName: "%1$s/test/app", versionName: "1"}
            - name: gone-image
              type: image
              integration: gone-reg
              versionTemplate: {sourceName: "%2$s/test/app", versionName: "1"}
            - name: good-image
              type: image
              integration: local-reg
              versionTemplate: {sourceName: "%1$s/test/app", versionName: "1"}
          jobs:
            - name: wrong-password
              type: runSh
              steps:
                - OUT: bad-image
                - TASK:
                    script:
                      - skopeo inspect --tls-verify=false "docker://$BADIMAGE_SOURCENAME:1"
            - name: unreachable
              type: runSh
              steps:
                - OUT: gone-image
                - TASK:
                    script:
                      - skopeo inspect --tls-verify=false "docker://$GONEIMAGE_SOURCENAME:1"
            - name: not-the-registry
              type: runSh
              steps:
                - OUT: good-image
                - TASK:
                    script:
                      - echo "would push to $GOODIMAGE_SOURCENAME"
                      - echo true > build.sh
                      - ./build.sh
          """
              .formatted(registry.hostPort(), gone));
      LaunchResult run =
          launcher.launch(
              "run",
              line.toString(),
              "--home",
              home.toString(),
              "--output",
              "json",
              "--env",
              "HOME=" + userHome,
              "--env",
              "XDG_RUNTIME_DIR=" + runtime);
      assertEquals(1, run.exitCode(), run.getErrorOutput() + run.getOutput());
      Map<String, String> logs = new HashMap<>();
      for (JsonNode r : new ObjectMapper().readTree(run.getOutput()).get("runs")) {
        assertEquals("failure", r.get("status").asText(), r.toString());
        LaunchResult log =
            launcher.launch("logs", r.get("runId").asText(), "--home", home.toString());
        logs.put(r.get("job").asText(), log.getOutput());
      }

      String insecure = " --insecure --home " + home.toAbsolutePath();
      assertHint(
          logs.get("wrong-password"),
          "unauthorized",
          "[shiprun] the job's registry access came from integration 'bad-reg' (registry "
              + registry.hostPort()
              + "); check it with: shiprun integration test bad-reg"
              + insecure);
      assertHint(
          logs.get("unreachable"),
          "connection refused",
          "[shiprun] the job's registry access came from integration 'gone-reg' (registry "
              + gone
              + "); check it with: shiprun integration test gone-reg"
              + insecure);
      // What the hint suggests works, and says what is wrong.
      LaunchResult check =
          launcher.launch(
              "integration", "test", "bad-reg", "--insecure", "--home", home.toString());
      assertTrue(check.getOutput().contains("wrong username or password"), check.getOutput());
      check =
          launcher.launch(
              "integration", "test", "gone-reg", "--insecure", "--home", home.toString());
      assertTrue(check.getOutput().contains("unreachable"), check.getOutput());

      String other = logs.get("not-the-registry");
      assertTrue(other.contains("Permission denied"), other);
      assertFalse(other.contains("registry access came from"), other);
      assertFalse(other.contains("integration test"), other);
      for (String log : logs.values()) {
        assertFalse(log.contains("made-up-wrong-pass"), log);
        assertFalse(log.contains(TestRegistry.PASSWORD), log);
      }
    }
  }

  /** The client's error, then the hint among the log's last lines (the status line follows). */
  private static void assertHint(String log, String clientError, String hint) {
    List<String> lines = Arrays.asList(log.strip().split("\n"));
    int error = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(clientError)) {
        error = i;
      }
    }
    int at = lines.indexOf(hint);
    assertTrue(error >= 0, "no '" + clientError + "' from the client in: " + log);
    assertTrue(at > error, "no hint after the client's error in: " + log);
    assertTrue(at >= lines.size() - 3, "the hint is not among the last lines: " + log);
  }
}
