package dev.shiprun.runner.container;

import dev.shiprun.runner.exec.ProgramPath;
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
    ProgramPath programs = new ProgramPath(path);
    if (cli.isPresent() && !cli.get().isBlank()) {
      return programs.find(cli.get().strip()).map(ContainerEngine::at);
    }
    for (String candidate : List.of("podman", "docker")) {
      Optional<ContainerEngine> found = programs.find(candidate).map(ContainerEngine::at);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
