package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shiprun.runner.git.TestRepository;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository whose root shippable.yml has CI keys, run with the real CLI on a real git
 * repository: its runCI job is in the line and starts from a ciRepo version of the commit built, a
 * new commit makes a new version and the same one does not, {@code --commit} picks another.
 */
@QuarkusMainTest
class RunCiLineTest {

  private static final String CI =
      """
      language: node_js
      node_js:
        - "18"
        - "20"
      env:
        - A=1
        - A=2
        - A=3
      build:
        ci:
          - echo "testing on node $SHIPPABLE_NODE_VERSION with A=$A"
      jobs:
        - name: after
          type: runSh
          steps:
            - IN: app_runCI
            - TASK:
                script: echo after
      """;

  /** Runs the build's container scripts on the test-only executor (bash on this machine). */
  private static final String SANDBOX = "--runtime-default";

  @TempDir Path temp;

  @Test
  void theRunCiJobStartsFromAVersionOfTheCommitItBuilds(QuarkusMainLauncher launcher)
      throws Exception {
    TestRepository repo = TestRepository.create(temp.resolve("repo"), "shippable.yml", CI);
    String first = repo.head();
    String work = repo.work().toString();
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));

    RunHarness.Summary one = shiprun.run(work, SANDBOX, "testSandbox", "--repo-name", "app");
    String err = one.result().getErrorOutput();
    assertTrue(
        err.contains("ciRepo   app_ciRepo: new commit " + first.substring(0, 12) + " (main)"), err);
    assertTrue(err.contains("started  app_runCI"), err);
    // The build's scripts run on the test-only executor, which runs them in bash here.
    assertFalse(one.result().getOutput().isBlank(), err);
    assertEquals("success", one.status("app_runCI"), one.describe());
    assertEquals("success", one.status("after"), "the job downstream of the build follows it");
    assertEquals(0, one.exitCode(), one.describe());
    assertEquals(6, one.run("app_runCI").get("report").get("matrix").size(), one.describe());

    JsonNode v1 = shiprun.versions("app_ciRepo").get(0);
    assertEquals(first, v1.get("versionName").asText());
    JsonNode bag = v1.get("propertyBag");
    assertEquals(repo.work().toRealPath().toString(), bag.get("repositoryUrl").asText());
    assertEquals("origin", bag.get("repositoryFullName").asText().replaceAll(".*/", ""));
    JsonNode sha = bag.get("shaData");
    assertEquals(first, sha.get("commitSha").asText());
    assertEquals("main", sha.get("branchName").asText());
    assertEquals("", sha.get("beforeCommitSha").asText());
    assertEquals("first commit", sha.get("commitMessage").asText());
    assertEquals(TestRepository.AUTHOR, sha.get("committer").get("displayName").asText());
    assertFalse(sha.get("isPullRequest").asBoolean());

    RunHarness.Summary same = shiprun.run(work, SANDBOX, "testSandbox", "--repo-name", "app");
    assertFalse(same.result().getErrorOutput().contains("new commit"), same.describe());
    assertTrue(same.result().getErrorOutput().contains("started  app_runCI"), same.describe());
    assertEquals(1, shiprun.versions("app_ciRepo").size(), "the same commit, no new version");

    String second = repo.commit("app.js", "console.log(1)\n", "second commit");
    RunHarness.Summary next = shiprun.run(work, SANDBOX, "testSandbox", "--repo-name", "app");
    assertTrue(
        next.result().getErrorOutput().contains("new commit " + second.substring(0, 12)),
        next.describe());
    JsonNode v2 = shiprun.versions("app_ciRepo").get(0);
    assertEquals(second, v2.get("versionName").asText());
    assertEquals(first, v2.get("propertyBag").get("shaData").get("beforeCommitSha").asText());

    RunHarness.Summary back =
        shiprun.run(work, SANDBOX, "testSandbox", "--repo-name", "app", "--commit", "HEAD~1");
    assertTrue(
        back.result().getErrorOutput().contains("new commit " + first.substring(0, 12)),
        back.describe());
    assertEquals(first, shiprun.versions("app_ciRepo").get(0).get("versionName").asText());
  }

  /** {@code shiprun run REPO --home HOME OPTION VALUE} is a usage error that says {@code what}. */
  private void usageError(QuarkusMainLauncher launcher, String option, String value, String what)
      throws Exception {
    TestRepository repo = TestRepository.create(temp.resolve("repo"), "shippable.yml", CI);
    LaunchResult result =
        launcher.launch(
            "run",
            repo.work().toString(),
            "--home",
            temp.resolve("home").toString(),
            option,
            value);
    assertEquals(2, result.exitCode(), result.getErrorOutput());
    assertTrue(result.getErrorOutput().contains(what), result.getErrorOutput());
  }

  @Test
  void aCommitThatIsNotThereIsAUsageError(QuarkusMainLauncher launcher) throws Exception {
    usageError(launcher, "--commit", "no-such-ref", "--commit 'no-such-ref' names no commit");
  }

  @Test
  void planShowsTheRunCiJobNamedAfterTheRemoteAndItsMatrix(QuarkusMainLauncher launcher)
      throws Exception {
    TestRepository repo = TestRepository.create(temp.resolve("repo"), "shippable.yml", CI);
    LaunchResult plan =
        launcher.launch("plan", repo.work().toString(), "--home", temp.resolve("home").toString());
    assertEquals(0, plan.exitCode(), plan.getErrorOutput());
    // The remote origin is .../origin.git: the repository is 'origin'.
    assertTrue(plan.getOutput().contains("origin_runCI (runCI)"), plan.getOutput());
    assertTrue(
        plan.getOutput().contains("builds 6 matrix jobs (node_js 18, 20)"), plan.getOutput());

    LaunchResult named = launcher.launch("graph", repo.work().toString(), "--repo-name", "shop");
    assertEquals(0, named.exitCode(), named.getErrorOutput());
    assertTrue(named.getOutput().contains("shop_runCI (runCI"), named.getOutput());
    assertTrue(named.getOutput().contains("shop_ciRepo (ciRepo"), named.getOutput());
  }

  @Test
  void aFolderThatIsNotAGitRepositoryIsCopied(QuarkusMainLauncher launcher) throws Exception {
    Path folder = temp.resolve("app");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("shippable.yml"), CI);
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    RunHarness.Summary run = shiprun.run(folder.toString(), SANDBOX, "testSandbox");
    assertTrue(
        run.result()
            .getErrorOutput()
            .contains("is not a git repository; the build copies the folder as it is"),
        run.describe());
    JsonNode bag = shiprun.versions("app_ciRepo").get(0).get("propertyBag");
    assertEquals(folder.toAbsolutePath().toString(), bag.get("sourcePath").asText());
    assertFalse(bag.has("shaData"));
  }

  @Test
  void aCiImageThatIsNotLanguageEqualsImageIsAUsageError(QuarkusMainLauncher launcher)
      throws Exception {
    usageError(launcher, "--ci-image", "node_js", "--ci-image: 'node_js' is not LANGUAGE=IMAGE");
  }
}
