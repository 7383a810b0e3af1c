package dev.shiprun.runner.engine.gitrepo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code shaData} of a gitRepo or ciRepo version (spec §3.7): the commit, its branch or tag,
 * its people, and the pull request and release fields Shippable gave (false and empty here).
 */
final class ShaData {

  private ShaData() {}

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

  private static Map<String, Object> person(Push.Person p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("displayName", p.displayName());
    out.put("email", p.email());
    out.put("login", p.login());
    return out;
  }
}
