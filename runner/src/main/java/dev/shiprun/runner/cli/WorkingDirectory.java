package dev.shiprun.runner.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The directory the user ran shiprun from. Usually the JVM's own; the launcher may start the JVM
 * elsewhere and pass the user's directory as {@code -Dshiprun.cwd=DIR}, and tests set it to a
 * temporary directory. Relative PATH arguments resolve against it.
 */
public class WorkingDirectory {

  private final Optional<Path> directory;

  public WorkingDirectory(Optional<String> directory) {
    this.directory = directory.filter(d -> !d.isBlank()).map(Path::of);
  }

  /**
   * The PATH arguments as the loader should see them. Without {@code shiprun.cwd} they are left as
   * typed (so messages quote them as typed); with it, relative ones resolve against it and no
   * arguments means that directory.
   */
  public List<Path> resolve(List<Path> paths) {
    if (directory.isEmpty()) {
      return List.copyOf(paths);
    }
    Path base = directory.get();
    if (paths.isEmpty()) {
      return List.of(base);
    }
    return paths.stream().map(base::resolve).toList();
  }
}
