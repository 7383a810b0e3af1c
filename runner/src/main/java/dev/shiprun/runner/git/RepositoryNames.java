package dev.shiprun.runner.git;

import dev.shiprun.model.ci.RepositoryName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Names the repository of a folder whose shippable.yml has CI keys: the name given ({@code
 * --repo-name}), else, for the root folder of a git repository, the last path part of its remote
 * {@code origin}'s URL without {@code .git}, else the folder's name (a folder below a repository's
 * root is a project of its own, such as a sample); sanitised as {@link RepositoryName} says.
 */
public final class RepositoryNames implements Function<Path, String> {

  private final Optional<String> given;
  private final Git git;

  public RepositoryNames(Optional<String> given, Git git) {
    this.given = given.filter(s -> !s.isBlank());
    this.git = git;
  }

  @Override
  public String apply(Path folder) {
    if (given.isPresent()) {
      return RepositoryName.sanitise(given.get());
    }
    Path absolute = folder.toAbsolutePath();
    return (isRoot(absolute) ? origin(git, absolute) : Optional.<String>empty())
        .map(RepositoryName::ofUrl)
        .orElseGet(() -> RepositoryName.ofFolder(folder));
  }

  /** Whether {@code folder} is the root of its git repository (or in none). */
  private boolean isRoot(Path folder) {
    try {
      return git.run(folder, GitAuth.NONE, List.of("rev-parse", "--show-prefix")).isBlank();
    } catch (GitException e) {
      return true;
    }
  }

  /** The URL of the remote {@code origin} of the repository {@code folder} is in, if any. */
  public static Optional<String> origin(Git git, Path folder) {
    try {
      String url =
          git.run(folder, GitAuth.NONE, List.of("config", "--get", "remote.origin.url")).strip();
      return url.isEmpty() ? Optional.empty() : Optional.of(url);
    } catch (GitException e) {
      return Optional.empty();
    }
  }
}
