package dev.shiprun.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.registry.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample samples/ci-node built end to end, as a user builds it: its own git repository, the
 * packaged CLI, a node image in the lab's registry given with {@code --ci-image}, and the {@code
 * registry} integration of the home that the sample's {@code push} section uses through
 * podman-docker's {@code docker}. The report, the log and the registry afterwards show what ran
 * where, and the integration's password is nowhere.
 */
@ExtendWith(ContainerLabPrerequisites.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class CiSampleIT {

  private static final Duration LIMIT = Duration.ofMinutes(4);

  private static final String RUN_CI = "ci-node_runCI";

  @TempDir static Path labDir;

  private static ContainerLab lab;

  private static String nodeImage;

  @TempDir Path temp;

  @BeforeAll
  static void startLab() throws Exception {
    ContainerLabPrerequisites.require("/usr/bin/node", "apt-get install nodejs");
    lab = ContainerLab.start(labDir.resolve("lab"));
    nodeImage = lab.pushWith("ci/node", "20", List.of("/usr/bin/node"));
  }

  @AfterAll
  static void stopLab() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void theSampleTestsEachMatrixEntryInTheImageAndPushesItsAppImage() throws Exception {
    Path repo = sampleRepository();
    Run run = run(repo, "--output", "json");

    JsonNode ci = run.job(RUN_CI);
    assertEquals(0, run.exitCode(), () -> failed(repo, run, ci));
    assertEquals("success", ci.get("status").asText(), run.describe());
    long build = ci.get("buildNumber").asLong();
    JsonNode matrix = ci.get("report").get("matrix");
    assertEquals(2, matrix.size(), run.describe());
    for (int i = 0; i < 2; i++) {
      JsonNode job = matrix.get(i);
      assertEquals(build + "." + (i + 1), job.get("number").asText(), job.toString());
      assertEquals("success", job.get("status").asText(), job.toString());
      assertEquals(nodeImage, job.get("image").asText(), job.toString());
      assertEquals(4, job.get("tests").get("total").asInt(), job.toString());
      assertEquals(4, job.get("tests").get("passed").asInt(), job.toString());
      assertEquals(0, job.get("tests").get("failed").asInt(), job.toString());
    }
    assertEquals("GREETING=hello", matrix.get(0).get("env").asText());
    assertEquals("GREETING=hi", matrix.get(1).get("env").asText());

    String log = log(repo, ci.get("runId").asLong());
    String node = Tool.run(temp, Map.of(), LIMIT, "/usr/bin/node", "--version").output().strip();
    for (String n : List.of(build + ".1", build + ".2")) {
      assertTrue(log.contains("[" + n + "] " + node), n + " did not run node: " + log);
      assertTrue(
          log.contains("[" + n + "] " + ContainerLab.MARKER_TEXT), "not in the image: " + log);
      assertTrue(log.contains("[" + n + "] host " + repo.getFileName()), "pre_ci: " + log);
      assertTrue(log.contains("[" + n + "] pre_ci on the host"), log);
      assertTrue(log.contains("[" + n + "] ci in a container of " + nodeImage), log);
      assertTrue(log.contains("[" + n + "] push on the host"), log);
    }
    assertTrue(
        log.contains("registry login: " + lab.registryHost() + " with integration registry"), log);

    for (String greeting : List.of("hello", "hi")) {
      Tool.Result pushed = inspect("greeter:main." + build + "." + greeting);
      assertTrue(pushed.ok(), greeting + " was not pushed: " + pushed.output() + log);
    }
    assertNoSecret(run.describe() + log);
  }

  @Test
  void aFailingTestFailsTheBuildIsNamedInTheSummaryAndRunsOnFailure() throws Exception {
    Path repo = sampleRepository();
    Path test = repo.resolve("test/greet.test.js");
    Files.writeString(test, Files.readString(test).replace("'hello, Ada!'", "'hello, Bob!'"));
    git(repo, "checkout", "-q", "-b", "broken");
    git(repo, "commit", "-q", "-am", "A test that fails");

    Run run = run(repo);

    assertEquals(1, run.exitCode(), run.describe());
    assertTrue(
        run.out().contains("failed: greet.test.js › greets by name with the given word"),
        "the failed test is not in the summary: " + run.describe());
    JsonNode runs = new ObjectMapper().readTree(cli(repo, "runs", "-o", "json"));
    JsonNode ci = null;
    for (JsonNode r : runs) {
      if (r.get("job").asText().equals(RUN_CI)) {
        ci = r;
      }
    }
    assertNotNull(ci, runs.toString());
    assertEquals("failure", ci.get("status").asText(), runs.toString());
    long build = ci.get("buildNumber").asLong();
    String log = log(repo, ci.get("id").asLong());
    assertTrue(log.contains("[" + build + ".1] tests failed for GREETING=hello"), log);
    assertTrue(log.contains("[" + build + ".2] tests failed for GREETING=hi"), log);
    assertFalse(log.contains("push on the host"), "push ran after failed tests: " + log);
    assertFalse(inspect("greeter:broken." + build + ".hello").ok(), "pushed a failed build");
    assertNoSecret(run.describe() + log);
  }

  /**
   * The sample copied into its own git repository {@code ci-node} on branch {@code main}, with one
   * more {@code ci} line that reads the lab image's marker (it exists only in the image).
   */
  private Path sampleRepository() throws IOException {
    Path source = Path.of(System.getProperty("shiprun.checkout", ".."), "samples/ci-node");
    Path repo = temp.resolve("ci-node");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = repo.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Path yml = repo.resolve("shippable.yml");
    String text = Files.readString(yml);
    String withMarker =
        text.replace(
                "  ci:\n    - node --version\n",
                "  ci:\n    - node --version\n    - cat " + ContainerLab.MARKER + "\n")
            .replace(
                "    - test -f package.json\n",
                "    - test -f package.json\n"
                    + "    - test ! -e "
                    + ContainerLab.MARKER
                    + " && echo \"host $(basename \"$PWD\")\"\n");
    assertFalse(text.equals(withMarker), "the sample's ci section changed: " + text);
    Files.writeString(yml, withMarker);
    git(repo, "-c", "init.defaultBranch=main", "init", "-q");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "The sample");
    return repo;
  }

  private void git(Path repo, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of("git", "-c", "user.name=Tester", "-c", "user.email=t@example.com"));
    command.addAll(List.of(args));
    Tool.Result result = Tool.run(repo, Map.of(), LIMIT, command.toArray(String[]::new));
    assertTrue(result.ok(), command + ": " + result.output());
  }

  private Tool.Result inspect(String reference) throws IOException {
    return Tool.run(
        temp,
        Map.of("HOME", temp.toString()),
        LIMIT,
        "skopeo",
        "inspect",
        "--tls-verify=false",
        "--creds",
        ContainerLab.USERNAME + ":" + ContainerLab.PASSWORD,
        "docker://" + lab.registryHost() + "/" + reference);
  }

  /**
   * {@code shiprun run REPO} with the node image for node_js, the registry for the sample's push,
   * and the lab's podman settings in its environment and in the jobs' ({@code --env}), so that the
   * container executor and podman-docker's {@code docker} of the push section use the lab's
   * storage; {@code /usr/bin} comes first so that {@code docker} is podman-docker's.
   */
  private Run run(Path repo, String... extra) throws Exception {
    Path home = temp.resolve("home");
    lab.addIntegration(home, "registry", ContainerLab.PASSWORD);
    Map<String, String> environment = cliEnvironment();
    List<String> command =
        shiprun(
            "run",
            repo.toString(),
            "--ci-image",
            "node_js=" + nodeImage,
            "--env",
            "PUSH_REGISTRY=" + lab.registryHost(),
            // One matrix job at a time: the push sections run podman on the host, and podman's
            // shared image storage races between one process's build or push and another's
            // (containers/podman#8667, containers/buildah#5674). Matrix jobs side by side in
            // containers are CiBuildContainerIT's.
            "--parallel",
            "1");
    lab.dockerEnvironment().forEach((k, v) -> command.addAll(List.of("--env", k + "=" + v)));
    command.addAll(List.of(extra));
    Path out = temp.resolve("run.out");
    Path err = temp.resolve("run.err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("SHIPRUN_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      assertTrue(process.waitFor(5, TimeUnit.MINUTES), "shiprun did not end");
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    return new Run(process.exitValue(), stdout, Files.readString(err, StandardCharsets.UTF_8));
  }

  private Map<String, String> cliEnvironment() {
    Map<String, String> environment = new HashMap<>(lab.dockerEnvironment());
    environment.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin:/usr/local/sbin:/usr/local/bin");
    return environment;
  }

  /** What a failed build shows: the summary, the build's log, then the registry's last lines. */
  private String failed(Path repo, Run run, JsonNode ci) {
    String log;
    try {
      log = log(repo, ci.get("runId").asLong());
    } catch (Exception | AssertionError e) {
      log = "(no log: " + e.getMessage() + ")";
    }
    List<String> registry = lab.registryLog().lines().toList();
    return run.describe()
        + "\nthe build's log:\n"
        + log
        + "\nthe registry's last lines:\n"
        + String.join("\n", registry.subList(Math.max(0, registry.size() - 30), registry.size()));
  }

  private String log(Path repo, long runId) throws Exception {
    return cli(repo, "logs", Long.toString(runId));
  }

  /** {@code shiprun ARGS… --home HOME}, insisting on success; its output. */
  private String cli(Path repo, String... args) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(shiprun(args)).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(cliEnvironment());
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "shiprun did not end: " + List.of(args));
    assertEquals(0, p.exitValue(), List.of(args) + ": " + out);
    return out;
  }

  private List<String> shiprun(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(System.getProperty("shiprun.jar", "target/shiprun.jar"))
                    .toAbsolutePath()
                    .toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--home", temp.resolve("home").toString()));
    return command;
  }

  private static void assertNoSecret(String text) {
    assertFalse(text.contains(ContainerLab.PASSWORD), "the password leaked: " + text);
    String auth =
        Base64.getEncoder()
            .encodeToString(
                (ContainerLab.USERNAME + ":" + ContainerLab.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
    assertFalse(text.contains(auth), "the auth string leaked: " + text);
  }

  /** A finished {@code shiprun run}. */
  private record Run(int exitCode, String out, String err) {

    JsonNode job(String name) throws IOException {
      for (JsonNode r : new ObjectMapper().readTree(out).get("runs")) {
        if (r.get("job").asText().equals(name)) {
          return r;
        }
      }
      throw new AssertionError("no run of " + name + ": " + describe());
    }

    String describe() {
      return err + "\n" + out;
    }
  }
}
