package dev.shiprun.runner.engine.gitrepo;

import dev.shiprun.runner.git.GitMirrors;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code shaData} of a gitRepo or ciRepo version (spec §3.7): the commit, its branch or tag,
 * the commit before it, its committer and author. shiprun sees no pull requests or releases: those
 * fields are false or empty.
 */
public final class ShaData {

  private ShaData() {}

  /**
   * The shaData of a commit read from a repository.
   *
   * @param before the commit the branch was at before, or empty
   * @param tag the tag the version is for, when it is a tag's
   * @param providerDomain the host of the repository's URL, empty for a local one
   */
  public static Map<String, Object> of(
      GitMirrors.Commit commit,
      String branch,
      String before,
      Optional<String> tag,
      String providerDomain) {
    return of(
        providerDomain,
        branch,
        tag,
        commit.sha(),
        before,
        commit.message(),
        new Push.Person(commit.committerName(), commit.committerEmail(), ""),
        new Push.Person(commit.authorName(), commit.authorEmail(), ""));
  }

  /** The shaData of a commit a push names; {@code before} may be null. */
  static Map<String, Object> of(
      String providerDomain,
      String branch,
      Optional<String> tag,
      String sha,
      String before,
      String message,
      Push.Person committer,
      Push.Person author) {
    Map<String, Object> shaData = new LinkedHashMap<>();
    shaData.put("providerDomain", providerDomain);
    shaData.put("branchName", branch);
    shaData.put("baseCommitRef", tag.isPresent() ? "" : branch);
    shaData.put("headCommitRef", "");
    shaData.put("commitSha", sha);
    shaData.put("beforeCommitSha", before == null ? "" : before);
    shaData.put("commitMessage", message);
    shaData.put("committer", person(committer));
    shaData.put("lastAuthor", person(author));
    shaData.put("isPullRequest", false);
    shaData.put("isPullRequestClose", false);
    shaData.put("pullRequestNumber", null);
    shaData.put("isGitTag", tag.isPresent());
    shaData.put("gitTagName", tag.orElse(""));
    shaData.put("isRelease", false);
    shaData.put("releaseName", "");
    shaData.put("releasedAt", "");
    return shaData;
  }

  /** The host of {@code url}, or empty (a local path, an scp-like address). */
  public static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "" : host;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static Map<String, Object> person(Push.Person p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("displayName", p.displayName());
    out.put("email", p.email());
    out.put("login", p.login());
    return out;
  }
}
