package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.registry.TestImage;
import dev.shiprun.runner.registry.TestRegistry;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker Registry integration end to end against Debian's docker-registry (issue 4): stored
 * with {@code integration add}, checked with {@code integration test}, and a job that pushes and
 * inspects an image with skopeo and no login in its script — through {@code REGISTRY_AUTH_FILE} and
 * {@code DOCKER_CONFIG} — while the password and the auth string stay out of every log.
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
}
