package dev.shiprun.runner.git;

import dev.shiprun.model.ci.RepositoryName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Names the repository of a folder whose shippable.yml has CI keys: the name given ({@code
 * --repo-name}), else the last path part of the git remote {@code origin}'s URL without {@code
 * .git}, else the folder's name; sanitised as {@link RepositoryName} says.
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
    return origin(git, folder.toAbsolutePath())
        .map(RepositoryName::ofUrl)
        .orElseGet(() -> RepositoryName.ofFolder(folder));
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
