package dev.shiprun.runner.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.model.ci.MatrixJob;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The standard variables of a matrix job, group by group. */
class CiVariablesTest {

  private static final Path CHECKOUT = Path.of("/b/ci/2/app");
  private static final MatrixJob JOB =
      new MatrixJob(2, Optional.of("20"), Optional.empty(), List.of(), false);

  private static CiSource source(Map<String, Object> sha) {
    return new CiSource(
        "app_ciRepo",
        Optional.of("https://user:made-up-pass@example.com/acme/app.git"),
        Optional.of("abc123"),
        Optional.empty(),
        "acme/app",
        sha,
        Optional.empty());
  }

  private static Map<String, Object> sha() {
    Map<String, Object> sha = new LinkedHashMap<>();
    sha.put("branchName", "main");
    sha.put("commitSha", "abc123");
    sha.put("beforeCommitSha", "0ld");
    sha.put("commitMessage", "fix the cart");
    sha.put("committer", Map.of("displayName", "Ada", "email", "ada@example.com"));
    sha.put("lastAuthor", Map.of("displayName", "", "email", "bob@example.com"));
    sha.put("providerDomain", "example.com");
    sha.put("isGitTag", true);
    sha.put("gitTagName", "v1.0");
    sha.put("isRelease", false);
    return sha;
  }

  private static CiVariables variables(String language) {
    return new CiVariables(
        source(sha()),
        7,
        41,
        "http://node:8080/runs/41",
        language,
        new CiVariables.NodeFacts("x86_64", "debian_12"));
  }

  @Test
  void theBuildAndTheJob() {
    Map<String, String> v = variables("node_js").build(JOB, CHECKOUT, "shiprun-x-ci_2-1234");
    assertEquals("true", v.get("CI"));
    assertEquals("true", v.get("CONTINUOUS_INTEGRATION"));
    assertEquals("true", v.get("SHIPPABLE"));
    assertEquals("runCI", v.get("JOB_TYPE"));
    assertEquals("7", v.get("BUILD_NUMBER"));
    assertEquals("7", v.get("SHIPPABLE_BUILD_NUMBER"));
    assertEquals("41", v.get("SHIPPABLE_BUILD_ID"));
    assertEquals("http://node:8080/runs/41", v.get("BUILD_URL"));
    assertEquals("7.2", v.get("JOB_NUMBER"));
    assertEquals("7.2", v.get("SHIPPABLE_JOB_NUMBER"));
    assertEquals("41.2", v.get("JOB_ID"));
    assertEquals("41.2", v.get("SHIPPABLE_JOB_ID"));
    assertEquals("/b/ci/2/app", v.get("SHIPPABLE_BUILD_DIR"));
    assertEquals("/b/ci/2/app", v.get("SHIPPABLE_REPO_DIR"));
    assertEquals("shiprun-x-ci_2-1234", v.get("SHIPPABLE_CONTAINER_NAME"));
    assertEquals("x86_64", v.get("SHIPPABLE_NODE_ARCHITECTURE"));
    assertEquals("debian_12", v.get("SHIPPABLE_NODE_OPERATING_SYSTEM"));
  }

  @Test
  void theCommitAndTheRepository() {
    Map<String, String> v = variables("node_js").commit();
    assertEquals("main", v.get("BRANCH"));
    assertEquals("main", v.get("BASE_BRANCH"));
    assertEquals("", v.get("HEAD_BRANCH"));
    assertEquals("abc123", v.get("COMMIT"));
    assertEquals("Ada", v.get("COMMITTER"));
    assertEquals("bob@example.com", v.get("LAST_AUTHOR"), "no name: the email");
    assertEquals("fix the cart", v.get("COMMIT_MESSAGE"));
    assertEquals("0ld...abc123", v.get("SHIPPABLE_COMMIT_RANGE"));
    assertEquals("https://example.com/acme/app/compare/0ld...abc123", v.get("COMPARE_URL"));
    assertEquals("false", v.get("IS_PULL_REQUEST"));
    assertEquals("false", v.get("PULL_REQUEST"));
    assertEquals("false", v.get("IS_FORK"));
    assertEquals("true", v.get("IS_GIT_TAG"));
    assertEquals("v1.0", v.get("GIT_TAG_NAME"));
    assertEquals("false", v.get("IS_RELEASE"));
    assertEquals("false", v.get("IS_PRERELEASE"));
    assertEquals("", v.get("RELEASE_NAME"));
    assertEquals("", v.get("RELEASED_AT"));
    assertEquals("acme", v.get("ORG_NAME"));
    assertEquals("app", v.get("REPO_NAME"));
    assertEquals("acme/app", v.get("REPO_FULL_NAME"));
    assertEquals("acme/app", v.get("SHIPPABLE_REPO_SLUG"));
    assertEquals("https://***@example.com/acme/app.git", v.get("REPOSITORY_URL"), "no password");
  }

  @Test
  void aFirstCommitHasNoRangeNorCompareUrl() {
    Map<String, Object> sha = sha();
    sha.put("beforeCommitSha", "");
    Map<String, String> v =
        new CiVariables(
                source(sha), 1, 1, "", "go", new CiVariables.NodeFacts("x86_64", "debian_12"))
            .commit();
    assertEquals("abc123", v.get("SHIPPABLE_COMMIT_RANGE"));
    assertEquals("", v.get("COMPARE_URL"));
  }

  @Test
  void theLanguagesVersionVariable() {
    assertEquals(Map.of("SHIPPABLE_NODE_VERSION", "20"), variables("node_js").language(JOB));
    assertEquals(Map.of("SHIPPABLE_PYTHON_VERSION", "20"), variables("python").language(JOB));
    assertEquals(Map.of("SHIPPABLE_JDK_VERSION", "20"), variables("java").language(JOB));
    assertEquals(Map.of("SHIPPABLE_GO_VERSION", "20"), variables("go").language(JOB));
    MatrixJob ruby =
        new MatrixJob(1, Optional.of("3.2"), Optional.of("gemfiles/rails7"), List.of(), false);
    assertEquals(
        Map.of("SHIPPABLE_RUBY_VERSION", "3.2", "BUNDLE_GEMFILE", "gemfiles/rails7"),
        variables("ruby").language(ruby));
    MatrixJob none = new MatrixJob(1, Optional.empty(), Optional.empty(), List.of(), false);
    assertEquals(Map.of(), variables("ruby").language(none), "no version: no variable");
  }

  @Test
  void travisNames() {
    Map<String, String> v = variables("node_js").travis(JOB, CHECKOUT);
    assertEquals(
        Map.of(
            "TRAVIS_BRANCH", "main",
            "TRAVIS_COMMIT", "abc123",
            "TRAVIS_BUILD_NUMBER", "7",
            "TRAVIS_JOB_NUMBER", "7.2",
            "TRAVIS_PULL_REQUEST", "false",
            "TRAVIS_BUILD_DIR", "/b/ci/2/app",
            "TRAVIS_REPO_SLUG", "acme/app"),
        v);
  }

  @Test
  void defaultsOfEveryBuild() {
    assertEquals(
        Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8", "DEBIAN_FRONTEND", "noninteractive"),
        CiVariables.defaults());
  }

  @Test
  void everyGroupTogether() {
    Map<String, String> all = variables("node_js").of(JOB, CHECKOUT, "c");
    assertEquals("20", all.get("SHIPPABLE_NODE_VERSION"));
    assertEquals("7.2", all.get("TRAVIS_JOB_NUMBER"));
    assertEquals("main", all.get("BRANCH"));
    assertEquals("C.UTF-8", all.get("LANG"));
    assertEquals("c", all.get("SHIPPABLE_CONTAINER_NAME"));
  }
}
