package dev.shiprun.runner.engine.gitrepo;

import dev.shiprun.model.ci.RepositoryCi;
import dev.shiprun.model.ci.RepositoryName;
import dev.shiprun.model.graph.ImpliedCi;
import dev.shiprun.runner.git.Git;
import dev.shiprun.runner.git.GitAuth;
import dev.shiprun.runner.git.GitException;
import dev.shiprun.runner.git.GitMirrors;
import dev.shiprun.runner.git.RepositoryNames;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.StoredVersion;
import dev.shiprun.runner.store.VersionKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The versions of the line's own ciRepo, made from the repository's folder where Shippable had a
 * webhook: the commit a run builds (the working tree's HEAD, or the commit given) becomes a version
 * when the latest version is of another commit. Its property bag is a gitRepo's ({@code shaData},
 * versionName the commit SHA) plus {@code repositoryUrl}, the folder of the repository the build
 * clones the commit from, and {@code repositoryFullName}. A folder that is not a git repository
 * gives a version with {@code sourcePath}, the folder the build copies, at every look.
 */
public final class CiRepoVersions {

  private final Git git;
  private final GitMirrors mirrors;

  public CiRepoVersions(Git git, GitMirrors mirrors) {
    this.git = git;
    this.mirrors = mirrors;
  }

  /**
   * The commit {@code ref} names in the git repository of {@code folder}, or empty when it names
   * none (or the folder is not in a git repository).
   */
  public static Optional<String> resolve(Git git, Path folder, String ref) {
    try {
      String sha =
          git.run(
                  folder,
                  GitAuth.NONE,
                  List.of(
                      "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"))
              .strip();
      return sha.isEmpty() ? Optional.empty() : Optional.of(sha);
    } catch (GitException e) {
      return Optional.empty();
    }
  }

  /**
   * The new version of {@code ci}'s ciRepo, or empty when {@code latest} is already of the commit
   * to build. {@code commit}: the commit given (a SHA), else the working tree's HEAD.
   */
  public Optional<NewVersion> look(
      String line,
      RepositoryCi ci,
      Optional<String> commit,
      Optional<StoredVersion> latest,
      GitRepoVersions.Report report) {
    String resource = ci.repository() + ImpliedCi.RESOURCE_SUFFIX;
    Path folder = ci.folder().orElseThrow().toAbsolutePath().normalize();
    Optional<Path> top = topLevel(folder);
    Map<String, Object> bag = new LinkedHashMap<>();
    if (top.isEmpty() || (commit.isEmpty() && resolve(git, folder, "HEAD").isEmpty())) {
      report.say(
          resource,
          folder
              + (top.isEmpty() ? " is not a git repository" : " has no commit yet")
              + "; the build copies the folder as it is");
      bag.put("sourcePath", folder.toString());
      bag.put("repositoryFullName", ci.repository());
      return Optional.of(version(line, resource, Optional.empty(), bag));
    }
    try {
      String sha = commit.isPresent() ? commit.get() : resolve(git, folder, "HEAD").orElseThrow();
      Optional<String> before = latest.flatMap(StoredVersion::versionName);
      if (before.equals(Optional.of(sha))) {
        return Optional.empty();
      }
      Optional<String> origin = origin(folder);
      GitMirrors.Commit found = mirrors.commit(folder, sha);
      Map<String, Object> shaData =
          ShaData.of(
              found,
              branch(folder, sha),
              before.orElse(""),
              Optional.empty(),
              origin.map(ShaData::host).orElse(""));
      bag.put("shaData", shaData);
      bag.put("repositoryUrl", top.get().toString());
      String path = top.get().toRealPath().relativize(folder.toRealPath()).toString();
      if (!path.isEmpty()) {
        bag.put("repositoryPath", path);
      }
      bag.put("repositoryFullName", origin.map(this::fullName).orElse(ci.repository()));
      report.say(
          resource,
          "new commit " + sha.substring(0, Math.min(12, sha.length())) + branchSaid(shaData));
      return Optional.of(version(line, resource, Optional.of(sha), bag));
    } catch (IOException e) {
      report.say(resource, "cannot read the commit to build: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static String branchSaid(Map<String, Object> shaData) {
    Object branch = shaData.get("branchName");
    return branch == null || branch.toString().isEmpty() ? "" : " (" + branch + ")";
  }

  private static NewVersion version(
      String line, String resource, Optional<String> sha, Map<String, Object> bag) {
    return new NewVersion(
        line, resource, VersionKind.RESOURCE, sha, bag, Optional.empty(), OptionalLong.empty());
  }

  private Optional<Path> topLevel(Path folder) {
    try {
      String top = git.run(folder, GitAuth.NONE, List.of("rev-parse", "--show-toplevel")).strip();
      return top.isEmpty() ? Optional.empty() : Optional.of(Path.of(top));
    } catch (GitException e) {
      return Optional.empty();
    }
  }

  /** The URL of the remote {@code origin}, when the repository has one. */
  private Optional<String> origin(Path folder) {
    return RepositoryNames.origin(git, folder);
  }

  /**
   * The branch the commit is on: the checked-out branch when its head is the commit, else a branch
   * whose head it is, else empty (a commit given by SHA, a detached HEAD).
   */
  private String branch(Path folder, String sha) throws GitException {
    String current =
        git.run(folder, GitAuth.NONE, List.of("rev-parse", "--abbrev-ref", "HEAD")).strip();
    if (!current.equals("HEAD")
        && resolve(git, folder, "refs/heads/" + current).equals(Optional.of(sha))) {
      return current;
    }
    String heads =
        git.run(
            folder,
            GitAuth.NONE,
            List.of("for-each-ref", "--points-at", sha, "--format=%(refname:short)", "refs/heads"));
    return heads.lines().findFirst().orElse("").strip();
  }

  /** {@code org/repo} from the last two parts of a remote's URL, else the repository's name. */
  private String fullName(String url) {
    String path = url.strip().replaceAll("/+$", "").replaceAll("\\.git$", "");
    String[] parts = path.split("[/:]");
    String repo = RepositoryName.ofUrl(url);
    return parts.length >= 2 && !parts[parts.length - 2].isEmpty()
        ? parts[parts.length - 2] + "/" + repo
        : repo;
  }
}
