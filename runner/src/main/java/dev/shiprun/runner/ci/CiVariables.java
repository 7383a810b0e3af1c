package dev.shiprun.runner.ci;

import dev.shiprun.model.ci.MatrixJob;
import dev.shiprun.runner.git.Git;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The standard variables of a CI build's matrix job (spec §2.4), by group: the build and the job,
 * the commit and the repository, the language's version, Travis's names, and the defaults of a
 * build container. docs/ci.md lists them.
 */
final class CiVariables {

  private final CiSource source;
  private final int buildNumber;
  private final long runId;
  private final String buildUrl;
  private final String language;
  private final NodeFacts node;

  /**
   * The machine a build runs on, as its variables name it.
   *
   * @param architecture e.g. {@code x86_64}
   * @param operatingSystem e.g. {@code debian_12}
   */
  record NodeFacts(String architecture, String operatingSystem) {}

  CiVariables(
      CiSource source,
      int buildNumber,
      long runId,
      String buildUrl,
      String language,
      NodeFacts node) {
    this.source = source;
    this.buildNumber = buildNumber;
    this.runId = runId;
    this.buildUrl = buildUrl;
    this.language = language;
    this.node = node;
  }

  /** Every group, for matrix job {@code job} whose copy of the source is {@code checkout}. */
  Map<String, String> of(MatrixJob job, Path checkout, String containerName) {
    Map<String, String> all = new LinkedHashMap<>(defaults());
    all.putAll(build(job, checkout, containerName));
    all.putAll(commit());
    all.putAll(language(job));
    all.putAll(travis(job, checkout));
    return all;
  }

  /** The build, the job, and where they run. */
  Map<String, String> build(MatrixJob job, Path checkout, String containerName) {
    Map<String, String> v = new LinkedHashMap<>();
    String jobNumber = buildNumber + "." + job.number();
    v.put("CI", "true");
    v.put("CONTINUOUS_INTEGRATION", "true");
    v.put("SHIPPABLE", "true");
    v.put("JOB_TYPE", "runCI");
    v.put("BUILD_NUMBER", Integer.toString(buildNumber));
    v.put("BUILD_URL", buildUrl);
    v.put("SHIPPABLE_BUILD_ID", Long.toString(runId));
    v.put("SHIPPABLE_BUILD_NUMBER", Integer.toString(buildNumber));
    v.put("JOB_ID", runId + "." + job.number());
    v.put("SHIPPABLE_JOB_ID", runId + "." + job.number());
    v.put("JOB_NUMBER", jobNumber);
    v.put("SHIPPABLE_JOB_NUMBER", jobNumber);
    v.put("SHIPPABLE_BUILD_DIR", checkout.toString());
    v.put("SHIPPABLE_REPO_DIR", checkout.toString());
    v.put("SHIPPABLE_CONTAINER_NAME", containerName);
    v.put("SHIPPABLE_NODE_ARCHITECTURE", node.architecture());
    v.put("SHIPPABLE_NODE_OPERATING_SYSTEM", node.operatingSystem());
    return v;
  }

  /** The commit, its branch, tag and release, and the repository it comes from. */
  Map<String, String> commit() {
    Map<String, String> v = new LinkedHashMap<>();
    String branch = source.branch();
    String sha = source.commitSha().orElse("");
    String before = source.sha("beforeCommitSha");
    v.put("BRANCH", branch);
    v.put(
        "BASE_BRANCH",
        source.sha("baseCommitRef").isEmpty() ? branch : source.sha("baseCommitRef"));
    v.put("HEAD_BRANCH", source.sha("headCommitRef"));
    v.put("COMMIT", sha);
    v.put("COMMITTER", source.person("committer"));
    v.put("LAST_AUTHOR", source.person("lastAuthor"));
    v.put("COMMIT_MESSAGE", source.sha("commitMessage"));
    v.put("SHIPPABLE_COMMIT_RANGE", before.isEmpty() ? sha : before + "..." + sha);
    v.put("COMPARE_URL", compareUrl(before, sha));
    v.put("IS_PULL_REQUEST", "false");
    v.put("PULL_REQUEST", "false");
    v.put("IS_FORK", "false");
    v.put("IS_GIT_TAG", source.flag("isGitTag"));
    v.put("GIT_TAG_NAME", source.sha("gitTagName"));
    v.put("IS_RELEASE", source.flag("isRelease"));
    v.put("IS_PRERELEASE", source.flag("isPrerelease"));
    v.put("RELEASE_NAME", source.sha("releaseName"));
    v.put("RELEASED_AT", source.sha("releasedAt"));
    v.put("ORG_NAME", source.orgName());
    v.put("REPO_NAME", source.repoName());
    v.put("REPO_FULL_NAME", source.fullName());
    v.put("SHIPPABLE_REPO_SLUG", source.fullName());
    v.put(
        "REPOSITORY_URL",
        source
            .repositoryUrl()
            .map(Git::display)
            .orElse(source.sourcePath().map(Path::toString).orElse("")));
    return v;
  }

  /** The language's version (and a ruby job's gemfile). */
  Map<String, String> language(MatrixJob job) {
    Map<String, String> v = new LinkedHashMap<>();
    String name =
        switch (language) {
          case "node_js" -> "SHIPPABLE_NODE_VERSION";
          case "java" -> "SHIPPABLE_JDK_VERSION";
          case "c/cpp" -> "SHIPPABLE_C_COMPILER";
          default -> "SHIPPABLE_" + language.toUpperCase(Locale.ROOT) + "_VERSION";
        };
    job.version().ifPresent(version -> v.put(name, version));
    job.gemfile().ifPresent(gemfile -> v.put("BUNDLE_GEMFILE", gemfile));
    return v;
  }

  /** The names Travis gave the same facts. */
  Map<String, String> travis(MatrixJob job, Path checkout) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("TRAVIS_BRANCH", source.branch());
    v.put("TRAVIS_COMMIT", source.commitSha().orElse(""));
    v.put("TRAVIS_BUILD_NUMBER", Integer.toString(buildNumber));
    v.put("TRAVIS_JOB_NUMBER", buildNumber + "." + job.number());
    v.put("TRAVIS_PULL_REQUEST", "false");
    v.put("TRAVIS_BUILD_DIR", checkout.toString());
    v.put("TRAVIS_REPO_SLUG", source.fullName());
    return v;
  }

  /** What a build container's shell gets whatever the build: a UTF-8 locale, no prompts. */
  static Map<String, String> defaults() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("LANG", "C.UTF-8");
    v.put("LC_ALL", "C.UTF-8");
    v.put("DEBIAN_FRONTEND", "noninteractive");
    return v;
  }

  private String compareUrl(String before, String sha) {
    String domain = source.sha("providerDomain");
    if (domain.isEmpty() || before.isEmpty() || sha.isEmpty() || source.orgName().isEmpty()) {
      return "";
    }
    return "https://" + domain + "/" + source.fullName() + "/compare/" + before + "..." + sha;
  }
}
