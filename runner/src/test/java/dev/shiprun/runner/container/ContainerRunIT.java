package dev.shiprun.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.registry.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container TASKs end to end: the packaged CLI as a process, podman configured by the {@link
 * ContainerLab}, the lab's image pulled from a registry with htpasswd through a Docker Registry
 * integration of the shiprun home. Each test checks what a user sees (status, log, output) and what
 * the machine keeps afterwards: no container ({@code podman ps -a}) and no process.
 */
@ExtendWith(ContainerLabPrerequisites.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ContainerRunIT {

  private static final String WRONG = "made-up-wrong-registry-pass-0815";

  @TempDir static Path labDir;

  private static ContainerLab lab;

  @TempDir Path temp;

  private final List<Process> started = new ArrayList<>();

  @BeforeAll
  static void startLab() throws Exception {
    lab = ContainerLab.start(labDir.resolve("lab"));
  }

  @AfterAll
  static void stopLab() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  @BeforeEach
  void addTheLabIntegration() {
    lab.addIntegration(home(), "lab-reg", ContainerLab.PASSWORD);
  }

  @AfterEach
  void stopLeftovers() throws Exception {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    lab.podman("rm", "--all", "--force", "--time", "0");
  }

  @Test
  void aTaskRunsInTheImagePulledWithTheIntegrationsPassword() throws Exception {
    lab.removeLocalImages();
    line(
        """
        resources:
          - name: app-image
            type: image
            integration: lab-reg
            versionTemplate: {sourceName: "%s", versionName: "%s"}
        jobs:
          - name: build
            type: runSh
            steps:
              - IN: app-image
              - TASK:
                  runtime:
                    container: true
                    options: {imageName: "%s", imageTag: "%s"}
                  script:
                    - cat %s
                    - "jq -cn '{answer: (6 * 7)}'"
        """
            .formatted(
                lab.imageName(),
                ContainerLab.TAG,
                lab.imageName(),
                ContainerLab.TAG,
                ContainerLab.MARKER));
    Run run = run();
    assertEquals(0, run.exitCode(), run.describe() + lab.registryLog());
    assertEquals("success", run.status("build"), run.describe());
    String log = log(run.runId("build"));
    assertTrue(log.contains(ContainerLab.MARKER_TEXT), "not in the image: " + log);
    assertTrue(log.contains("{\"answer\":42}"), log);
    assertTrue(lab.localImages().contains(lab.image()), "not pulled: " + lab.localImages());
    assertNothingLeft(run.describe());
  }

  @Test
  void aWrongPasswordIsOneLineNamingTheIntegrationAndTheRegistryAndLeaksNothing() throws Exception {
    lab.removeLocalImages();
    lab.addIntegration(home(), "bad-reg", WRONG);
    line(
        """
        resources:
          - name: app-image
            type: image
            integration: bad-reg
            versionTemplate: {sourceName: "%s", versionName: "%s"}
        jobs:
          - name: build
            type: runSh
            steps:
              - IN: app-image
              - TASK:
                  runtime:
                    options: {imageName: "%s", imageTag: "%s"}
                  script:
                    - echo script-ran
        """
            .formatted(lab.imageName(), ContainerLab.TAG, lab.imageName(), ContainerLab.TAG));
    Run run = run();
    assertEquals(1, run.exitCode(), run.describe());
    assertEquals("error", run.status("build"), run.describe());
    String log = log(run.runId("build"));
    String everything = run.describe() + log;
    assertFalse(log.contains("script-ran"), "the script ran without its image: " + log);
    List<String> named =
        everything
            .lines()
            .filter(l -> l.contains("bad-reg") && l.contains(lab.registryHost()))
            .toList();
    assertFalse(named.isEmpty(), "no line names the integration and the registry: " + everything);
    assertNoSecret(everything, WRONG);
    assertFalse(everything.contains("Exception"), "a stack trace: " + everything);
    assertNothingLeft(everything);
  }

  @Test
  void pullFalseUsesTheLocalImageAndSaysSoWhenItIsMissing() throws Exception {
    lab.removeLocalImages();
    // No credentials at all: only a local image can serve this job.
    line(
        """
        jobs:
          - name: local
            type: runSh
            steps:
              - TASK:
                  runtime:
                    options: {imageName: "%s", imageTag: "%s", pull: false}
                  script:
                    - cat %s
        """
            .formatted(lab.imageName(), ContainerLab.TAG, ContainerLab.MARKER));
    Run missing = run();
    assertEquals(1, missing.exitCode(), missing.describe());
    assertEquals("error", missing.status("local"), missing.describe());
    String why = missing.describe() + log(missing.runId("local"));
    assertTrue(why.contains(lab.image()), "does not name the image: " + why);
    assertTrue(why.contains("pull"), "does not say pull is off: " + why);
    assertFalse(lab.localImages().contains(lab.image()), "it pulled though pull is false");

    pullIntoTheLab(lab.image());
    Run present = run();
    assertEquals(0, present.exitCode(), present.describe());
    assertTrue(log(present.runId("local")).contains(ContainerLab.MARKER_TEXT));
    assertNothingLeft(present.describe());
  }

  @Test
  void theImageAndTagComeFromAnInImageResourcesVersion() throws Exception {
    lab.push("from-resource");
    lab.removeLocalImages();
    line(
        """
        resources:
          - name: app-image
            type: image
            integration: lab-reg
            versionTemplate: {sourceName: "%s", versionName: "from-resource"}
        jobs:
          - name: deploy
            type: runSh
            steps:
              - IN: app-image
              - TASK:
                  runtime:
                    options:
                      imageName: $APPIMAGE_SOURCENAME
                      imageTag: $APPIMAGE_VERSIONNAME
                  script:
                    - cat %s
        """
            .formatted(lab.imageName(), ContainerLab.MARKER));
    Run run = run();
    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(log(run.runId("deploy")).contains(ContainerLab.MARKER_TEXT));
    assertTrue(
        lab.localImages().contains(lab.imageName() + ":from-resource"),
        "the resource's version was not pulled: " + lab.localImages());
    assertNothingLeft(run.describe());
  }

  @Test
  void anImageWithoutATagIsLatestAndTheJobsIntegrationsCoverItsRegistry() throws Exception {
    lab.removeLocalImages();
    line(
        """
        jobs:
          - name: build
            type: runSh
            integrations: [lab-reg]
            steps:
              - TASK:
                  runtime:
                    options: {imageName: "%s"}
                  script:
                    - cat %s
        """
            .formatted(lab.imageName(), ContainerLab.MARKER));
    Run run = run();
    assertEquals(0, run.exitCode(), run.describe() + lab.registryLog());
    assertTrue(log(run.runId("build")).contains(ContainerLab.MARKER_TEXT));
    assertTrue(
        lab.localImages().contains(lab.imageName() + ":latest"),
        "latest was not pulled: " + lab.localImages());
    assertNothingLeft(run.describe());
  }

  @Test
  void variablesAndSecretsReachTheContainerAndAreMaskedOnTheWayOut() throws Exception {
    line(
        """
        resources:
          - name: app-image
            type: image
            integration: lab-reg
            versionTemplate: {sourceName: "%s", versionName: "%s"}
        jobs:
          - name: build
            type: runSh
            steps:
              - IN: app-image
              - TASK:
                  runtime:
                    options:
                      imageName: $APPIMAGE_SOURCENAME
                      imageTag: $APPIMAGE_VERSIONNAME
                      env:
                        - TASK_GREETING: from-task-env
                  script:
                    - cat %s
                    - echo "cli $CLI_GREETING"
                    - echo "task $TASK_GREETING"
                    - echo "secret $APPIMAGE_INTEGRATION_PASSWORD"
                    - echo "sha $(printf %%s "$APPIMAGE_INTEGRATION_PASSWORD" | sha256sum)"
                    - echo "waiting in $SHARED_DIR"
                    - while [ ! -e "$SHARED_DIR/go" ]; do sleep 0.1; done
        """
            .formatted(lab.imageName(), ContainerLab.TAG, ContainerLab.MARKER));
    Started running = start(List.of("-v", "--env", "CLI_GREETING=from-the-cli"));
    String waiting = running.awaitOutput(l -> l.contains("waiting in "));
    // While the container runs, no process carries the password on its command line.
    assertEquals(List.of(), ContainerLab.processesNaming(ContainerLab.PASSWORD));
    Path shared = Path.of(waiting.substring(waiting.indexOf("waiting in ") + 11).strip());
    Files.writeString(shared.resolve("go"), "");
    Run run = running.await();
    assertEquals(0, run.exitCode(), run.describe());
    String log = log(run.runId("build"));
    assertTrue(log.contains(ContainerLab.MARKER_TEXT), log);
    assertTrue(log.contains("cli from-the-cli"), log);
    assertTrue(log.contains("task from-task-env"), log);
    assertTrue(log.contains("secret ***"), log);
    assertTrue(log.contains("sha " + sha256(ContainerLab.PASSWORD)), "changed on its way: " + log);
    assertNoSecret(run.describe() + log, ContainerLab.PASSWORD);
    assertNothingLeft(run.describe());
  }

  @Test
  void aHostTaskAndAContainerTaskShareSharedDirAndState() throws Exception {
    line(
        """
        resources:
          - name: app-image
            type: image
            integration: lab-reg
            versionTemplate: {sourceName: "%1$s", versionName: "%2$s"}
        jobs:
          - name: build
            type: runSh
            steps:
              - IN: app-image
              - TASK:
                  name: on-host
                  script:
                    - test ! -e %3$s
                    - echo from-host > "$SHARED_DIR/host.txt"
                    - echo host-state > "$JOB_STATE/host-state.txt"
              - TASK:
                  name: in-container
                  runtime:
                    container: true
                    options: {imageName: "%1$s", imageTag: "%2$s"}
                  script:
                    - cat %3$s
                    - echo "container read $(cat "$SHARED_DIR/host.txt") $(cat "$JOB_STATE/host-state.txt")"
                    - echo from-container > "$SHARED_DIR/container.txt"
              - TASK:
                  name: back-on-host
                  runtime: {container: false}
                  script:
                    - test ! -e %3$s
                    - echo "host read $(cat "$SHARED_DIR/container.txt")"
        """
            .formatted(lab.imageName(), ContainerLab.TAG, ContainerLab.MARKER));
    Run run = run();
    assertEquals(0, run.exitCode(), run.describe());
    String log = log(run.runId("build"));
    assertTrue(log.contains(ContainerLab.MARKER_TEXT), log);
    assertTrue(log.contains("container read from-host host-state"), log);
    assertTrue(log.contains("host read from-container"), log);
    assertNothingLeft(run.describe());
  }

  @Test
  void aFailedContainerTasksOnFailureRunsInItsContainer() throws Exception {
    line(
        """
        resources:
          - name: app-image
            type: image
            integration: lab-reg
            versionTemplate: {sourceName: "%1$s", versionName: "%2$s"}
        jobs:
          - name: build
            type: runSh
            steps:
              - IN: app-image
              - TASK:
                  runtime:
                    options: {imageName: "%1$s", imageTag: "%2$s"}
                  script:
                    - echo failing-in-container
                    - exit 3
            on_failure:
              script:
                - echo "hook sees $(cat %3$s)"
        """
            .formatted(lab.imageName(), ContainerLab.TAG, ContainerLab.MARKER));
    Run run = run();
    assertEquals(1, run.exitCode(), run.describe());
    assertEquals("failure", run.status("build"), run.describe());
    String log = log(run.runId("build"));
    assertTrue(log.contains("failing-in-container"), log);
    assertTrue(
        log.contains("hook sees " + ContainerLab.MARKER_TEXT), "not in the container: " + log);
    assertNothingLeft(run.describe());
  }

  @Test
  void aTimeoutStopsTheContainerAndEveryProcessInIt() throws Exception {
    pullIntoTheLab(lab.image());
    line(sleeper("987651"));
    Run run = start(List.of("-v", "--timeout", "8s", "--grace", "300ms")).await();
    assertEquals(1, run.exitCode(), run.describe());
    assertEquals("timeout", run.status("sleeper"), run.describe());
    assertTrue(log(run.runId("sleeper")).contains("children-started"), run.describe());
    assertNothingLeft(run.describe());
    assertEquals(List.of(), ContainerLab.processesNaming("98765"), "a child survived");
  }

  @Test
  void ctrlCStopsTheContainerAndEveryProcessInIt() throws Exception {
    pullIntoTheLab(lab.image());
    line(sleeper("987661"));
    Started running = start(List.of("-v", "--grace", "300ms"));
    running.awaitOutput(l -> l.contains("children-started"));
    assertFalse(ContainerLab.processesNaming("98766").isEmpty(), "the children do not run");
    assertEquals(
        0,
        Tool.run(
                temp,
                Map.of(),
                java.time.Duration.ofSeconds(10),
                "kill",
                "-INT",
                Long.toString(running.process().pid()))
            .exitCode());
    Run run = running.await();
    JsonNode runs = new ObjectMapper().readTree(cli("runs", "-o", "json"));
    assertEquals("cancelled", runs.get(0).get("status").asText(), runs + run.describe());
    assertNothingLeft(run.describe());
    assertEquals(List.of(), ContainerLab.processesNaming("98766"), "a child survived");
  }

  /**
   * podman-docker's {@code /usr/bin/docker} as the engine: credentials through {@code
   * DOCKER_CONFIG}, and the plain-HTTP registry listed as insecure, as a docker daemon's
   * insecure-registries must list it (the docker CLI has no TLS flag on a pull).
   */
  @Test
  void theDockerCliRunsTheNodesDefaultImageForATaskThatSaysNothing() throws Exception {
    lab.removeLocalImages();
    line(
        """
        resources:
          - name: app-image
            type: image
            integration: lab-reg
            versionTemplate: {sourceName: "%s", versionName: "%s"}
        jobs:
          - name: build
            type: runSh
            steps:
              - IN: app-image
              - TASK:
                  script:
                    - cat %s
                    - jq -rn '"docker " + ("cli" | ascii_upcase)'
        """
            .formatted(lab.imageName(), ContainerLab.TAG, ContainerLab.MARKER));
    Run run =
        start(
                lab.dockerEnvironment(),
                List.of(
                    "--runtime-default",
                    "container",
                    "--default-image",
                    lab.image(),
                    "--container-cli",
                    "/usr/bin/docker"))
            .await();
    assertEquals(0, run.exitCode(), run.describe() + lab.registryLog());
    String log = log(run.runId("build"));
    assertTrue(log.contains(ContainerLab.MARKER_TEXT), "not in the default image: " + log);
    assertTrue(log.contains("docker CLI"), log);
    assertTrue(lab.localImages().contains(lab.image()), lab.localImages().toString());
    assertNothingLeft(run.describe());
  }

  /** A container TASK that starts children (one in the background, one in a subshell) and waits. */
  private String sleeper(String mark) {
    return """
        jobs:
          - name: sleeper
            type: runSh
            steps:
              - TASK:
                  runtime:
                    options: {imageName: "%s", imageTag: "%s", pull: false}
                  script:
                    - |
                      cat %s
                      sleep %s &
                      bash -c 'sleep %s & wait' &
                      echo children-started
                      sleep %s
        """
        .formatted(
            lab.imageName(),
            ContainerLab.TAG,
            ContainerLab.MARKER,
            mark,
            mark.substring(0, 5) + "2",
            mark.substring(0, 5) + "3");
  }

  private void assertNothingLeft(String context) throws IOException {
    assertEquals(List.of(), lab.containers(), "a container is left: " + context);
    assertEquals(
        List.of(),
        ContainerLab.processesNaming(lab.runRoot().toString()),
        "a process of the lab's containers (conmon) is left: " + context);
  }

  private static void assertNoSecret(String text, String password) {
    assertFalse(text.contains(password), "the password leaked: " + text);
    String auth =
        Base64.getEncoder()
            .encodeToString(
                (ContainerLab.USERNAME + ":" + password).getBytes(StandardCharsets.UTF_8));
    assertFalse(text.contains(auth), "the auth string leaked: " + text);
  }

  private void pullIntoTheLab(String image) throws IOException {
    Path auth = lab.writeAuthFile(temp.resolve("pull-auth/config.json"), ContainerLab.PASSWORD);
    lab.check("pull", "--authfile", auth.toString(), "--tls-verify=false", image);
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private Path home() {
    return temp.resolve("home");
  }

  private Path line(String yaml) throws IOException {
    Path line = Files.createDirectories(temp.resolve("line"));
    Files.writeString(line.resolve("shippable.yml"), yaml);
    return line;
  }

  private Run run(String... args) throws Exception {
    return start(List.of(args)).await();
  }

  /** {@code shiprun run LINE --home HOME -o json ARGS…} with the lab's podman settings. */
  private Started start(List<String> args) throws IOException {
    return start(lab.environment(), args);
  }

  private Started start(Map<String, String> environment, List<String> args) throws IOException {
    List<String> command = shiprun("run", temp.resolve("line").toString(), "-o", "json");
    command.addAll(args);
    int n = started.size();
    Path out = temp.resolve("run-" + n + ".out");
    Path err = temp.resolve("run-" + n + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("SHIPRUN_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    started.add(process);
    return new Started(process, out, err);
  }

  private String log(long runId) throws Exception {
    return cli("logs", Long.toString(runId));
  }

  /** {@code shiprun ARGS… --home HOME}, insisting on success; its output. */
  private String cli(String... args) throws Exception {
    Process p =
        new ProcessBuilder(shiprun(args)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "shiprun did not end: " + List.of(args));
    assertEquals(0, p.exitValue(), List.of(args) + ": " + out);
    return out;
  }

  /**
   * The packaged CLI with SIGINT and SIGTERM at their defaults whatever this test inherited, on
   * this test's home.
   */
  private List<String> shiprun(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "env",
                "--default-signal=INT,TERM,HUP",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(System.getProperty("shiprun.jar", "target/shiprun.jar"))
                    .toAbsolutePath()
                    .toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--home", home().toString()));
    return command;
  }

  /** A running {@code shiprun run}. */
  private record Started(Process process, Path out, Path err) {

    /** The first line of its output (stderr, where {@code -v} streams) that {@code wanted}. */
    String awaitOutput(Predicate<String> wanted) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < deadline) {
        for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
          if (wanted.test(line)) {
            return line;
          }
        }
        assertTrue(process.isAlive(), "shiprun ended first: " + Files.readString(err));
        Thread.sleep(100);
      }
      throw new AssertionError("never printed what the test waits for: " + Files.readString(err));
    }

    Run await() throws Exception {
      assertTrue(process.waitFor(180, TimeUnit.SECONDS), "shiprun did not end");
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      JsonNode json = stdout.isBlank() ? null : new ObjectMapper().readTree(stdout);
      return new Run(process.exitValue(), stdout, stderr, json);
    }
  }

  /** A finished {@code shiprun run -o json}. */
  private record Run(int exitCode, String out, String err, JsonNode json) {

    String status(String job) {
      assertNotEquals(null, json, "no summary: " + describe());
      for (JsonNode r : json.get("runs")) {
        if (r.get("job").asText().equals(job)) {
          return r.get("status").asText();
        }
      }
      throw new AssertionError("no run of " + job + ": " + describe());
    }

    long runId(String job) {
      assertNotEquals(null, json, "no summary: " + describe());
      for (JsonNode r : json.get("runs")) {
        if (r.get("job").asText().equals(job)) {
          return r.get("runId").asLong();
        }
      }
      throw new AssertionError("no run of " + job + ": " + describe());
    }

    String describe() {
      return err + "\n" + out;
    }
  }
}
