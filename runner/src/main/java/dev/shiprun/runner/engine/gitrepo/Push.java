package dev.shiprun.runner.engine.gitrepo;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A push to a repository, as a provider's webhook tells it: the branch or tag it moved, the commit
 * it moved to and from, that commit's message and people, and the repository ({@code org/repo} and
 * the address to clone it from). {@code defaultBranch} when the provider names it.
 */
public record Push(
    String provider,
    String repositoryFullName,
    String cloneUrl,
    Optional<String> branch,
    Optional<String> tag,
    String commitSha,
    String beforeCommitSha,
    String commitMessage,
    Person committer,
    Person author,
    Optional<String> defaultBranch) {

  /** A person of a commit; empty strings for what the provider leaves out. */
  public record Person(String displayName, String email, String login) {
    public Person {
      displayName = displayName == null ? "" : displayName;
      email = email == null ? "" : email;
      login = login == null ? "" : login;
    }
  }

  public Push {
    Objects.requireNonNull(repositoryFullName, "repositoryFullName");
    Objects.requireNonNull(cloneUrl, "cloneUrl");
    if (branch.isPresent() == tag.isPresent()) {
      throw new IllegalArgumentException("a push moves a branch or a tag");
    }
    beforeCommitSha = beforeCommitSha == null ? "" : beforeCommitSha;
    commitMessage = commitMessage == null ? "" : commitMessage;
  }

  /** The branch's or tag's name. */
  public String refName() {
    return branch.orElseGet(tag::orElseThrow);
  }

  /** The git ref it moved: {@code refs/heads/…} or {@code refs/tags/…}. */
  public String ref() {
    return branch.map(b -> "refs/heads/" + b).orElseGet(() -> "refs/tags/" + tag.orElseThrow());
  }

  /** What it moved, in words: "branch main" or "tag v1.0". */
  public String describe() {
    return (branch.isPresent() ? "branch " : "tag ") + refName();
  }

  /** The repository's name without its organisation. */
  public String repositoryName() {
    int slash = repositoryFullName.lastIndexOf('/');
    return slash < 0 ? repositoryFullName : repositoryFullName.substring(slash + 1);
  }

  /** The host of the clone URL ({@code github.com}), empty for a path. */
  public String providerDomain() {
    try {
      String host = URI.create(cloneUrl).getHost();
      return host == null ? "" : host;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
