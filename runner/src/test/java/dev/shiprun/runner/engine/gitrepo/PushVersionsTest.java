package dev.shiprun.runner.engine.gitrepo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.engine.TestLines;
import dev.shiprun.runner.git.Git;
import dev.shiprun.runner.git.TestRepository;
import dev.shiprun.runner.store.NewVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which resources of a line a push makes versions of, with what, and why others make none. */
class PushVersionsTest {

  private static final AssemblyLine LINE =
      TestLines.parse(
          """
          resources:
            - name: app-repo
              type: gitRepo
              versionTemplate:
                sourceName: acme/app
                branches: {only: [main]}
            - name: app-tags
              type: gitRepo
              versionTemplate:
                sourceName: Acme/App
                buildOnCommit: false
                buildOnTagPush: true
                tags: {only: ["v*"]}
            - name: by-url
              type: gitRepo
              versionTemplate:
                sourceName: mirror/app
                sourceUrl: https://git.example.com/acme/app.git
            - name: other-repo
              type: gitRepo
              versionTemplate:
                sourceName: acme/other
          jobs:
            - name: build
              type: runSh
              steps:
                - IN: app-repo
                - IN: app-tags
                - IN: by-url
                - IN: other-repo
                - IN: app_ciRepo
                - TASK: {script: [echo]}
          """);

  @TempDir Path temp;

  private final PushVersions versions = new PushVersions(new Git(Duration.ofSeconds(30)));

  private static Push push(Optional<String> branch, Optional<String> tag, String url) {
    return new Push(
        "github",
        "acme/app",
        url,
        branch,
        tag,
        "a".repeat(40),
        "b".repeat(40),
        "the message",
        new Push.Person("Octo Cat", "octo@example.com", "octocat"),
        new Push.Person("Mona", "mona@example.com", "mona"),
        Optional.of("main"));
  }

  private PushVersions.Made make(Push push, Optional<Path> folder) {
    return versions.make("l", LINE, folder, push, Map.of());
  }

  @Test
  void aBranchPushVersionsTheFollowingGitReposAndTheCiRepoOfItsRepository() {
    PushVersions.Made made =
        make(
            push(Optional.of("main"), Optional.empty(), "https://git.example.com/acme/app.git"),
            Optional.empty());
    assertEquals(List.of("app-repo", "by-url", "app_ciRepo"), made.resources());
    assertEquals(Map.of("app-tags", "buildOnCommit is false"), made.filteredOut());
    NewVersion v = made.versions().get(0);
    assertEquals(Optional.of("a".repeat(40)), v.versionName());
    @SuppressWarnings("unchecked")
    Map<String, Object> shaData = (Map<String, Object>) v.propertyBag().get("shaData");
    assertEquals("main", shaData.get("branchName"));
    assertEquals("b".repeat(40), shaData.get("beforeCommitSha"));
    assertEquals("the message", shaData.get("commitMessage"));
    assertEquals(false, shaData.get("isGitTag"));
    assertEquals("git.example.com", shaData.get("providerDomain"));
    assertEquals(
        Map.of("displayName", "Mona", "email", "mona@example.com", "login", "mona"),
        shaData.get("lastAuthor"));
    assertEquals("acme/app", v.propertyBag().get("repositoryFullName"));
    assertEquals("https://git.example.com/acme/app.git", v.propertyBag().get("repositoryUrl"));
    assertEquals("acme/app", v.propertyBag().get("sourceName"));
  }

  @Test
  void aBranchTheGitRepoDoesNotFollowMakesNoVersionOfIt() {
    PushVersions.Made made =
        make(
            push(Optional.of("feature"), Optional.empty(), "https://github.com/acme/app.git"),
            Optional.empty());
    assertEquals(List.of("app_ciRepo"), made.resources(), "the CI of the line has no branches:");
    assertEquals("it follows branches only [main] except []", made.filteredOut().get("app-repo"));
  }

  @Test
  void aTagPushVersionsTheGitReposThatBuildTagPushes() {
    PushVersions.Made made =
        make(
            push(Optional.empty(), Optional.of("v1.0"), "https://github.com/acme/app.git"),
            Optional.empty());
    assertEquals(List.of("app-tags", "app_ciRepo"), made.resources());
    @SuppressWarnings("unchecked")
    Map<String, Object> shaData =
        (Map<String, Object>) made.versions().get(0).propertyBag().get("shaData");
    assertEquals(true, shaData.get("isGitTag"));
    assertEquals("v1.0", shaData.get("gitTagName"));
    assertEquals(
        "its tags filter leaves the tag out",
        make(
                push(Optional.empty(), Optional.of("nightly"), "https://github.com/acme/app.git"),
                Optional.empty())
            .filteredOut()
            .get("app-tags"));
  }

  @Test
  void theLinesOwnFolderIsTheRepositoryUrlWhenItHoldsTheCommit() throws Exception {
    TestRepository repo = TestRepository.create(temp.resolve("repo"), "a.txt", "a\n");
    Path work = temp.resolve("repo").resolve("work");
    Push held =
        new Push(
            "github",
            "acme/app",
            "https://github.com/acme/app.git",
            Optional.of("main"),
            Optional.empty(),
            repo.head(),
            "",
            "m",
            new Push.Person("a", "b", "c"),
            new Push.Person("a", "b", "c"),
            Optional.empty());
    assertEquals(
        work.toString(),
        make(held, Optional.of(work)).versions().get(0).propertyBag().get("repositoryUrl"));
    Push elsewhere = push(Optional.of("main"), Optional.empty(), "https://github.com/acme/app.git");
    assertEquals(
        "https://github.com/acme/app.git",
        make(elsewhere, Optional.of(work)).versions().get(0).propertyBag().get("repositoryUrl"));
  }
}
