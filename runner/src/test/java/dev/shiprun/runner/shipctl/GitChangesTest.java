package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** get_git_changes on a real repository: the clone of an IN gitRepo. */
class GitChangesTest {

  @TempDir Path dir;
  JobFolder job;
  JobFolder.Dependency repo;
  Path clone;
  String first;
  String second;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "deploy");
    repo = job.in("app-repo", "gitRepo");
    clone = repo.state();
    git("init", "-q", "-b", "main");
    JobFolder.write(clone.resolve("README.md"), "v1\n");
    JobFolder.write(clone.resolve("src/main/App.java"), "class App {}\n");
    first = commit("first");
    JobFolder.write(clone.resolve("README.md"), "v2\n");
    JobFolder.write(clone.resolve("src/main/App.java"), "class App { int x; }\n");
    JobFolder.write(clone.resolve("src/test/AppTest.java"), "class AppTest {}\n");
    JobFolder.write(clone.resolve("docs/how to.md"), "# how\n");
    second = commit("second");
  }

  private String git(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    return Tools.run(clone, command);
  }

  private String commit(String message) {
    git("add", "-A");
    git("commit", "-q", "-m", message);
    return git("rev-parse", "HEAD").strip();
  }

  /** get_git_changes on the clone, for the range first..second, with more options. */
  private Shipctl.Result changes(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "get_git_changes", "--path=" + clone, "--commit-range=" + first + ".." + second));
    args.addAll(List.of(options));
    return job.shipctl(args.toArray(String[]::new));
  }

  @Test
  void namesTheFilesChangedInTheRange() {
    changes()
        .assertPrinted("README.md\ndocs/how to.md\nsrc/main/App.java\nsrc/test/AppTest.java\n");
  }

  @Test
  void depthKeepsOnePathComponentOnce() {
    changes("--depth=1").assertPrinted("README.md\ndocs\nsrc\n");
  }

  @Test
  void directoriesOnlyListsEveryChangedFolder() {
    Shipctl.Result result = changes("--directories-only");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        Set.of("docs/", "src/main/", "src/test/"), Set.copyOf(result.stdout().lines().toList()));
  }

  @Test
  void resourceRangeComesFromTheShaDataOfItsVersion() {
    repo.version(
        "{\"version\": {\"propertyBag\": {\"shaData\": {\"beforeCommitSha\": \""
            + first
            + "\", \"commitSha\": \""
            + second
            + "\"}}}}");

    job.shipctl("get_git_changes", "--resource=app-repo", "--depth=1")
        .assertPrinted("README.md\ndocs\nsrc\n");
  }

  @Test
  void pullRequestRangeStartsAtTheBaseBranch() {
    git("checkout", "-q", "-b", "feature", first);
    JobFolder.write(clone.resolve("feature.txt"), "new\n");
    String head = commit("feature");
    git("update-ref", "refs/remotes/origin/main", second);
    repo.version(
            "{\"version\": {\"propertyBag\": {\"shaData\": {\"commitSha\": \"" + head + "\"}}}}")
        .var("IS_PULL_REQUEST", "true")
        .var("BASE_BRANCH", "main");

    Shipctl.Result result = job.shipctl("get_git_changes", "--resource=app-repo");

    assertEquals("feature.txt\n", result.stdout(), result::toString);
  }

  @Test
  void ciRangeComesFromShippableCommitRange() {
    job.set("SHIPPABLE_COMMIT_RANGE", first + "..." + second);

    Shipctl.Result result = job.shipctl("get_git_changes", "--path=" + clone, "--depth=2");

    assertEquals("how to.md\nmain\ntest\n", result.stdout());
  }

  @Test
  void withoutARangeExits99() {
    Shipctl.Result result = job.shipctl("get_git_changes", "--path=" + clone);

    result.assertFailed(99, "Error: Unknown commit range. use --commit-range.\n");
  }

  @Test
  void aFolderWithoutGitExits99() {
    Shipctl.Result result =
        job.shipctl("get_git_changes", "--path=" + dir, "--commit-range=HEAD~1..HEAD");

    result.assertFailed(99, "Error: git repository not found at path: " + dir + "\n");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Shipctl.Result result = job.shipctl("get_git_changes", "--path=" + clone, "--since=monday");

    assertEquals(99, result.exitCode());
    assertTrue(result.stdout().startsWith("Usage: shipctl get_git_changes"), result::toString);
  }
}
