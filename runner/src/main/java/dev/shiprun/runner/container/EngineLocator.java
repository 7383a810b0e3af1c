package dev.shiprun.runner.container;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the container command: the one the settings name (a command looked up on the PATH, or a
 * path), else podman, else docker on the PATH.
 *
 * @param path the PATH the command is looked up on (the engine's environment's)
 */
record EngineLocator(String path) {

  /** The engine named by {@code cli}, or the first of podman and docker found; empty if none. */
  Optional<ContainerEngine> find(Optional<String> cli) {
    if (cli.isPresent() && !cli.get().isBlank()) {
      String named = cli.get().strip();
      if (named.contains("/")) {
        Path file = Path.of(named);
        return Files.isExecutable(file) && !Files.isDirectory(file)
            ? Optional.of(ContainerEngine.at(file))
            : Optional.empty();
      }
      return onPath(named).map(ContainerEngine::at);
    }
    for (String candidate : List.of("podman", "docker")) {
      Optional<Path> found = onPath(candidate);
      if (found.isPresent()) {
        return found.map(ContainerEngine::at);
      }
    }
    return Optional.empty();
  }

  private Optional<Path> onPath(String command) {
    for (String folder : path.split(File.pathSeparator)) {
      if (folder.isEmpty()) {
        continue;
      }
      Path file = Path.of(folder, command);
      if (Files.isExecutable(file) && !Files.isDirectory(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }
}
