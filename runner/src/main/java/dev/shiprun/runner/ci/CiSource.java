package dev.shiprun.runner.ci;

import dev.shiprun.spi.Dependency;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a CI build builds: the ciRepo IN's version, as its property bag holds it ({@code
 * repositoryUrl} and {@code shaData.commitSha}, or {@code sourcePath} for a folder that is not a
 * git repository).
 *
 * @param resource the ciRepo resource's name
 * @param repositoryUrl where the commit is fetched from: a local repository's path or a clone URL
 * @param commitSha the commit to build; empty for the repository's HEAD
 * @param sourcePath a folder to copy when the source is not a git repository
 * @param fullName {@code org/repo}, or the repository's name alone
 * @param shaData the commit's facts (branchName, committer, commitMessage …)
 */
record CiSource(
    String resource,
    Optional<String> repositoryUrl,
    Optional<String> commitSha,
    Optional<Path> sourcePath,
    String fullName,
    Map<String, Object> shaData) {

  static final String TYPE = "ciRepo";

  CiSource {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(repositoryUrl, "repositoryUrl");
    Objects.requireNonNull(commitSha, "commitSha");
    Objects.requireNonNull(sourcePath, "sourcePath");
    Objects.requireNonNull(fullName, "fullName");
    shaData = Map.copyOf(shaData);
  }

  /** The source of the job's first ciRepo IN, or why there is none: one line for the user. */
  static Found of(String job, List<Dependency> dependencies) {
    for (Dependency d : dependencies) {
      if (!d.isIn() || !d.resource().type().equals(TYPE)) {
        continue;
      }
      String name = d.resource().name();
      if (d.version().isEmpty()) {
        return new Found(
            Optional.empty(),
            Optional.of(
                "the ciRepo '" + name + "' of " + job + " has no version: nothing to build"));
      }
      Map<String, Object> bag = d.version().get().propertyBag();
      Map<String, Object> sha = map(bag.get("shaData"));
      Optional<String> url = text(bag.get("repositoryUrl"));
      Optional<Path> folder = text(bag.get("sourcePath")).map(Path::of);
      if (url.isEmpty() && folder.isEmpty()) {
        return new Found(
            Optional.empty(),
            Optional.of(
                "the version of the ciRepo '"
                    + name
                    + "' names neither a repositoryUrl nor a sourcePath: nothing to build"));
      }
      String fullName =
          text(bag.get("repositoryFullName"))
              .orElseGet(
                  () ->
                      url.or(() -> folder.map(Path::toString))
                          .map(CiSource::lastPart)
                          .orElse(name));
      return new Found(
          Optional.of(new CiSource(name, url, text(sha.get("commitSha")), folder, fullName, sha)),
          Optional.empty());
    }
    return new Found(
        Optional.empty(),
        Optional.of(job + " has no ciRepo IN: give it the repository's ciRepo to build"));
  }

  /** A source, or why the job has none. */
  record Found(Optional<CiSource> source, Optional<String> problem) {}

  /** The repository's name: the last part of {@link #fullName}. */
  String repoName() {
    return lastPart(fullName);
  }

  /** The organisation part of {@link #fullName}; empty without one. */
  String orgName() {
    int slash = fullName.lastIndexOf('/');
    return slash < 0 ? "" : fullName.substring(0, slash);
  }

  /** A text of {@code shaData}, empty when missing. */
  String sha(String key) {
    return text(shaData.get(key)).orElse("");
  }

  /** A yes/no of {@code shaData}: {@code true} or {@code false}, false when missing. */
  String flag(String key) {
    return Boolean.toString(
        Boolean.TRUE.equals(shaData.get(key)) || "true".equals(shaData.get(key)));
  }

  /**
   * A person of {@code shaData} ({@code committer}, {@code lastAuthor}): the name, else the email.
   */
  String person(String key) {
    Map<String, Object> p = map(shaData.get(key));
    return text(p.get("displayName")).or(() -> text(p.get("email"))).orElse("");
  }

  String branch() {
    return sha("branchName");
  }

  private static String lastPart(String text) {
    String t = text.replaceAll("/+$", "");
    String last = t.substring(t.lastIndexOf('/') + 1);
    return last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
  }

  private static Optional<String> text(Object value) {
    return value == null || value.toString().isBlank()
        ? Optional.empty()
        : Optional.of(value.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
