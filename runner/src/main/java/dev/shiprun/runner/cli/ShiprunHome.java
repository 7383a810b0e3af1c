package dev.shiprun.runner.cli;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where shiprun keeps its store, build folders and logs: {@code --home DIR}, else {@code
 * SHIPRUN_HOME}, else {@code ~/.shiprun}. Relative paths resolve against the user's directory.
 */
@Singleton
public class ShiprunHome {

  private final CallerEnvironment environment;
  private final WorkingDirectory workingDirectory;

  @Inject
  public ShiprunHome(CallerEnvironment environment, WorkingDirectory workingDirectory) {
    this.environment = environment;
    this.workingDirectory = workingDirectory;
  }

  public Path resolve(Optional<Path> option) {
    Path home =
        option
            .or(
                () ->
                    Optional.ofNullable(environment.variables().get("SHIPRUN_HOME"))
                        .filter(s -> !s.isBlank())
                        .map(Path::of))
            .orElseGet(() -> Path.of(System.getProperty("user.home"), ".shiprun"));
    return workingDirectory.resolve(List.of(home)).get(0).toAbsolutePath().normalize();
  }
}
