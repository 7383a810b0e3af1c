package dev.shiprun.runner.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where shiprun keeps its store, build folders and logs: {@code --home DIR}, else {@code
 * SHIPRUN_HOME}, else {@code .shiprun} in {@code $HOME} — the account's home directory ({@code
 * user.home}, from the password database) only when {@code HOME} is unset or empty, as a shell's
 * {@code ~} does: containers and CI set {@code HOME} to a directory of their own. Relative paths
 * resolve against the user's directory.
 */
public class ShiprunHome {

  private final CallerEnvironment environment;
  private final WorkingDirectory workingDirectory;

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
            .orElseGet(() -> userHome().resolve(".shiprun"));
    return workingDirectory.resolve(List.of(home)).get(0).toAbsolutePath().normalize();
  }

  /** {@code $HOME} when set and not empty, else the account's home directory. */
  private Path userHome() {
    String variable = environment.variables().get("HOME");
    return Path.of(
        variable == null || variable.isBlank() ? System.getProperty("user.home") : variable);
  }
}
