package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shiprun.runner.git.TestRepository;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gitRepo end to end against real repositories (spec §1.4, §1.6 step 9, §3.7): the commits shiprun
 * finds become versions, a job gets the repository checked out at its version's commit in {@code
 * <NAME>_STATE}, and {@code shipctl get_git_changes} sees what the commit changed.
 */
@QuarkusMainTest
class RunGitRepoTest {

  @TempDir Path temp;

  private Path line(String yaml) throws Exception {
    Path line = temp.resolve("line");
    Files.createDirectories(line);
    Files.writeString(line.resolve("shippable.yml"), yaml, StandardCharsets.UTF_8);
    return line;
  }

  @Test
  void commitsBecomeVersionsAndTheJobWorksInACheckoutOfItsCommit(QuarkusMainLauncher launcher)
      throws Exception {
    TestRepository repo = TestRepository.create(temp.resolve("repo"), "app.txt", "one\n");
    String first = repo.head();
    Path out = temp.resolve("out");
    Files.createDirectories(out);
    Path line =
        line(
            """
            resources:
              - name: app-repo
                type: gitRepo
                versionTemplate:
                  sourceName: acme/app
                  sourceUrl: %s
            jobs:
              - name: build
                type: runSh
                steps:
                  - IN: app-repo
                  - TASK:
                      script:
                        - cd "$APPREPO_STATE"
                        - n=$(( $(cat "$OUT/count" 2>/dev/null || echo 0) + 1 ))
                        - echo "$n" > "$OUT/count"
                        - git rev-parse HEAD > "$OUT/$n.head"
                        - git rev-parse --abbrev-ref HEAD > "$OUT/$n.branch"
                        - git remote get-url origin > "$OUT/$n.origin"
                        - cat app.txt > "$OUT/$n.content"
                        - shipctl get_git_changes --resource=app-repo > "$OUT/$n.changes" || true
                        - echo "$APPREPO_COMMIT $APPREPO_BRANCH" > "$OUT/$n.env"
            """
                .formatted(repo.bare()));
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));

    RunHarness.Summary one = shiprun.run(line.toString(), "--env", "OUT=" + out);
    assertEquals(0, one.exitCode(), one.describe());
    assertTrue(
        one.result().getErrorOutput().contains("gitRepo  app-repo: 1 new commit"), one.describe());
    assertEquals(first, read(out, "1.head"));
    assertEquals("main", read(out, "1.branch"), "the commit's branch, not a detached HEAD");
    assertEquals(repo.bare().toString(), read(out, "1.origin"));
    assertEquals("one", read(out, "1.content"));
    assertEquals(first + " main", read(out, "1.env"));
    JsonNode versions = shiprun.versions("app-repo");
    assertEquals(1, versions.size());
    JsonNode v1 = versions.get(0);
    assertEquals(first, v1.get("versionName").asText());
    JsonNode sha = v1.get("propertyBag").get("shaData");
    assertEquals("main", sha.get("branchName").asText());
    assertEquals("first commit", sha.get("commitMessage").asText());
    assertEquals(TestRepository.AUTHOR, sha.get("committer").get("displayName").asText());
    assertEquals("", sha.get("beforeCommitSha").asText());

    RunHarness.Summary same = shiprun.run(line.toString(), "--env", "OUT=" + out);
    assertEquals(0, same.exitCode(), same.describe());
    assertEquals(1, shiprun.versions("app-repo").size(), "no new commit, no new version");

    String second = repo.commit("app.txt", "two\n", "change the app");
    repo.commit("docs/readme.md", "docs\n", "add docs");
    String third = repo.head();
    RunHarness.Summary moved = shiprun.run(line.toString(), "--env", "OUT=" + out);
    assertEquals(0, moved.exitCode(), moved.describe());
    JsonNode latest = shiprun.versions("app-repo").get(0);
    assertEquals(2, latest.get("versionNumber").asInt(), "one version for the head that moved");
    assertEquals(third, latest.get("versionName").asText());
    assertEquals(first, latest.get("propertyBag").get("shaData").get("beforeCommitSha").asText());
    assertEquals(third, read(out, "3.head"));
    assertEquals("two", read(out, "3.content"));
    assertEquals("app.txt\ndocs/readme.md", read(out, "3.changes"), "first..third");
    assertFalse(second.equals(third));
  }

  @Test
  void branchFiltersAndTagPushes(QuarkusMainLauncher launcher) throws Exception {
    TestRepository repo = TestRepository.create(temp.resolve("repo"), "a.txt", "a\n");
    repo.branch("release/1.0");
    repo.checkout("main");
    repo.branch("feature/x");
    repo.tag("v0.9");
    Path line =
        line(
            """
            resources:
              - name: rel
                type: gitRepo
                versionTemplate:
                  sourceName: acme/app
                  sourceUrl: %s
                  branches:
                    only: ["release/*", main]
                    except: main
                  buildOnTagPush: true
                  tags:
                    only: "v*"
                  depth: 1
            jobs:
              - name: ship
                type: runSh
                steps:
                  - IN: rel
                  - TASK:
                      script:
                        - test "$(git -C "$REL_STATE" rev-list --count HEAD)" = 1
                        - echo "$REL_BRANCH $REL_IS_GIT_TAG $REL_GIT_TAG_NAME" >> "$OUT"
            """
                .formatted(repo.bare()));
    Path out = temp.resolve("out.txt");
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    RunHarness.Summary one = shiprun.run(line.toString(), "--env", "OUT=" + out);
    assertEquals(0, one.exitCode(), one.describe());
    JsonNode versions = shiprun.versions("rel");
    assertEquals(1, versions.size(), "release/1.0 only; the tag was there before: " + versions);
    assertEquals(
        "release/1.0",
        versions.get(0).get("propertyBag").get("shaData").get("branchName").asText());

    repo.checkout("release/1.0");
    repo.commit("a.txt", "a2\n", "second deep commit");
    repo.tag("v1.0");
    repo.tag("nightly-1");
    repo.checkout("feature/x");
    repo.commit("b.txt", "b\n", "not followed");
    RunHarness.Summary two = shiprun.run(line.toString(), "--env", "OUT=" + out);
    assertEquals(0, two.exitCode(), two.describe());
    List<String> names =
        List.of(
            shiprun
                .versions("rel")
                .get(1)
                .get("propertyBag")
                .get("shaData")
                .get("branchName")
                .asText(),
            shiprun
                .versions("rel")
                .get(0)
                .get("propertyBag")
                .get("shaData")
                .get("branchName")
                .asText());
    assertEquals(List.of("release/1.0", "v1.0"), names, "the moved branch, then the new tag");
    assertEquals(3, shiprun.versions("rel").size());
    assertEquals(
        "release/1.0 false \nv1.0 true v1.0",
        Files.readString(out).strip(),
        "the first run on release/1.0, the second on the latest version: the tag");
  }

  @Test
  void aRepositoryThatCannotBeReachedIsSaidAndItsJobCannotStart(QuarkusMainLauncher launcher)
      throws Exception {
    Path line =
        line(
            """
            resources:
              - name: gone
                type: gitRepo
                versionTemplate:
                  sourceName: acme/gone
                  sourceUrl: %s
            jobs:
              - name: build
                type: runSh
                steps:
                  - IN: gone
                  - TASK: {script: [echo never]}
            """
                .formatted(temp.resolve("no-such-repository.git")));
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    RunHarness.Summary run = shiprun.run(line.toString(), "--job", "build");
    assertEquals(1, run.exitCode(), run.describe());
    assertEquals("error", run.status("build"));
    String err = run.result().getErrorOutput();
    assertTrue(
        err.contains("gitRepo  gone: cannot look at " + temp.resolve("no-such-repository.git")),
        err);
    assertTrue(
        run.run("build").get("reason").asText().contains("its versions are the commits shiprun"),
        run.describe());
    assertFalse(err.contains("Exception"), err);
  }

  @Test
  void aWholeLineRunThatRunsNothingBecauseARepositoryCannotBeReachedFailsAndSaysWhy(
      QuarkusMainLauncher launcher) throws Exception {
    Path gone = temp.resolve("no-such-repository.git");
    Path line =
        line(
            """
            resources:
              - name: gone
                type: gitRepo
                versionTemplate:
                  sourceName: acme/gone
                  sourceUrl: %s
              - name: app-image
                type: image
            jobs:
              - name: build
                type: runSh
                steps:
                  - IN: gone
                  - TASK: {script: [echo never]}
                  - OUT: app-image
              - name: deploy
                type: runSh
                steps:
                  - IN: app-image
                  - TASK: {script: [echo never]}
            """
                .formatted(gone));
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));

    RunHarness.Summary run = shiprun.run(line.toString());
    assertEquals(1, run.exitCode(), "nothing ran: a failure to the user\n" + run.describe());
    assertFalse(run.json().get("succeeded").asBoolean(), run.describe());
    assertEquals(0, run.json().get("runs").size(), run.describe());
    JsonNode notRun = run.json().get("notReady");
    assertEquals(2, notRun.size(), run.describe());
    assertEquals("build", notRun.get(0).get("job").asText());
    assertTrue(
        notRun
            .get(0)
            .get("reason")
            .asText()
            .startsWith("IN 'gone' has no version: cannot look at " + gone + ": git clone failed"),
        run.describe());
    assertEquals("deploy", notRun.get(1).get("job").asText());
    assertEquals(
        "IN 'app-image' has no version: it gets one when job 'build' writes it, and 'build'"
            + " cannot run either",
        notRun.get(1).get("reason").asText());
    String err = run.result().getErrorOutput();
    assertTrue(err.contains("not run  build: IN 'gone' has no version: cannot look at "), err);
    assertFalse(err.contains("Exception"), err);

    LaunchResult text =
        launcher.launch("run", line.toString(), "--home", temp.resolve("home").toString());
    assertEquals(1, text.exitCode(), text.getErrorOutput());
    assertTrue(
        text.getErrorOutput()
            .contains(
                "nothing ran: no job has versions for all of its inputs (the jobs above wait for"
                    + " them); see 'shiprun plan'"),
        text.getErrorOutput());
  }

  @Test
  void jobsThatRanDecideTheExitCodeAndTheOnesWaitingForARepositoryAreNamed(
      QuarkusMainLauncher launcher) throws Exception {
    Path line =
        line(
            """
            resources:
              - name: gone
                type: gitRepo
                versionTemplate:
                  sourceName: acme/gone
                  sourceUrl: %s
            jobs:
              - name: build
                type: runSh
                steps:
                  - IN: gone
                  - TASK: {script: [echo never]}
              - name: hello
                type: runSh
                steps:
                  - TASK: {script: [echo hello]}
            """
                .formatted(temp.resolve("no-such-repository.git")));
    LaunchResult run =
        launcher.launch("run", line.toString(), "--home", temp.resolve("home").toString());
    assertEquals(0, run.exitCode(), run.getErrorOutput());
    assertTrue(run.getOutput().contains("hello  #1     success"), run.getOutput());
    assertTrue(
        run.getOutput().contains("build: not run: IN 'gone' has no version: cannot look at "),
        run.getOutput());
  }

  @Test
  void aLineWithoutJobsHasNothingToRun(QuarkusMainLauncher launcher) throws Exception {
    Path line =
        line(
            """
            resources:
              - name: settings
                type: params
                version:
                  params:
                    GREETING: hello
            """);
    LaunchResult run =
        launcher.launch("run", line.toString(), "--home", temp.resolve("home").toString());
    assertEquals(0, run.exitCode(), run.getErrorOutput());
    assertTrue(
        run.getErrorOutput().contains("nothing to run: the line has no jobs"),
        run.getErrorOutput());
  }

  private static String read(Path folder, String file) throws Exception {
    return Files.readString(folder.resolve(file), StandardCharsets.UTF_8).strip();
  }
}
