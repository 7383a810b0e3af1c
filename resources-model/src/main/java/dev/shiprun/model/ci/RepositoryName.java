package dev.shiprun.model.ci;

import java.nio.file.Path;

/**
 * The name of the line's own repository, as its runCI job {@code <name>_runCI} and ciRepo {@code
 * <name>_ciRepo} use it: letters, digits, {@code _}, {@code -} and {@code .} are kept, any other
 * run of characters becomes one {@code _}, as a repository name on GitHub, GitLab or Bitbucket
 * reads.
 */
public final class RepositoryName {

  private RepositoryName() {}

  /** {@code raw} with the characters a job name keeps; {@code repo} when nothing is left. */
  public static String sanitise(String raw) {
    String name = raw.strip().replaceAll("[^A-Za-z0-9_.-]+", "_");
    return name.isEmpty() || name.chars().allMatch(c -> c == '_' || c == '.') ? "repo" : name;
  }

  /** The name of the folder {@code folder} (made absolute first), sanitised. */
  public static String ofFolder(Path folder) {
    Path name = folder.toAbsolutePath().normalize().getFileName();
    return sanitise(name == null ? "" : name.toString());
  }

  /**
   * The repository's name in a clone URL or path: its last path part without {@code .git} ({@code
   * git@github.com:org/app.git} → {@code app}).
   */
  public static String ofUrl(String url) {
    String path = url.strip().replaceAll("/+$", "");
    int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf(':'));
    String last = path.substring(cut + 1);
    return sanitise(last.endsWith(".git") ? last.substring(0, last.length() - 4) : last);
  }
}
