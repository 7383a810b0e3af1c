package dev.shiprun.model.env;

import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.Secret;
import java.util.List;
import java.util.Optional;

/**
 * The variables a gitRepo adds to the common ones (spec §3.7): the commit of the version from its
 * {@code shaData}, the branch, pull-request and tag flags, the repository's addresses and the
 * deploy key's path.
 */
final class GitRepoEnv {

  /** A variable read from shaData, with what it is when the version does not say. */
  private record FromSha(String suffix, String key, String otherwise) {}

  private static final List<FromSha> FROM_SHA =
      List.of(
          new FromSha("_HEAD_BRANCH", "headCommitRef", ""),
          new FromSha("_PULL_REQUEST", "pullRequestNumber", "false"),
          new FromSha("_IS_PULL_REQUEST", "isPullRequest", "false"),
          new FromSha("_IS_PULL_REQUEST_CLOSE", "isPullRequestClose", "false"),
          new FromSha("_PULL_REQUEST_REPO_FULL_NAME", "pullRequestRepoFullName", ""),
          new FromSha("_COMMIT", "commitSha", ""),
          new FromSha("_COMMITTER", "committer.displayName", ""),
          new FromSha("_COMMIT_MESSAGE", "commitMessage", ""),
          new FromSha("_IS_GIT_TAG", "isGitTag", "false"),
          new FromSha("_GIT_TAG_NAME", "gitTagName", ""),
          new FromSha("_IS_RELEASE", "isRelease", "false"),
          new FromSha("_RELEASE_NAME", "releaseName", ""),
          new FromSha("_RELEASED_AT", "releasedAt", ""));

  private GitRepoEnv() {}

  static void add(
      JobEnv.Builder env,
      String prefix,
      String root,
      GitRepoResource repo,
      Optional<ResourceVersion> version,
      Optional<Integration> integration,
      String origin) {
    Optional<ShaData> sha = version.flatMap(ResourceVersion::shaData);
    // Before the first commit is known (plan), the branch the YAML follows.
    String branch =
        sha.flatMap(s -> s.text("branchName"))
            .or(() -> repo.definition().text("branch"))
            .orElse("");
    env.put(prefix + "_BRANCH", branch, origin);
    env.put(
        prefix + "_BASE_BRANCH", sha.flatMap(s -> s.text("baseCommitRef")).orElse(branch), origin);
    for (FromSha v : FROM_SHA) {
      env.put(prefix + v.suffix(), sha.flatMap(s -> s.text(v.key())).orElse(v.otherwise()), origin);
    }
    env.put(prefix + "_KEYPATH", root + "/secrets/" + repo.name() + "_key.pem", origin);
    // Templated as _SOURCENAME is (spec §3.9); a secret that went into it keeps the URLs secret.
    EnvValue sourceName =
        Envsubst.apply(repo.definition().text("sourceName").orElse(""), env::value);
    boolean secret = sourceName instanceof EnvValue.Hidden;
    String name = text(sourceName);
    GitRepoUrls urls = GitRepoUrls.of(repo, name, integration);
    env.put(prefix + "_SSH_URL", value(urls.sshUrl(), secret), origin);
    env.put(prefix + "_HTTPS_URL", value(urls.httpsUrl(), secret), origin);
    env.put(prefix + "_IS_FORK", sha.flatMap(s -> s.text("isFork")).orElse("false"), origin);
    env.put(prefix + "_REPO_FULL_NAME", sourceName, origin);
  }

  private static String text(EnvValue v) {
    return v instanceof EnvValue.Hidden h ? h.secret().reveal() : ((EnvValue.Plain) v).text();
  }

  private static EnvValue value(String text, boolean secret) {
    return secret ? new EnvValue.Hidden(new Secret(text)) : new EnvValue.Plain(text);
  }
}
