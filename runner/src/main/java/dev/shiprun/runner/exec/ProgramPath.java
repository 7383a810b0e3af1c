package dev.shiprun.runner.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds programs as a shell would: a name on a PATH, or a path as given. */
public final class ProgramPath {

  private final String path;

  /** Looks programs up on {@code path} (folders separated by ':'). */
  public ProgramPath(String path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  /** The PATH of {@code environment}. */
  public static ProgramPath of(Map<String, String> environment) {
    return new ProgramPath(Objects.requireNonNullElse(environment.get("PATH"), ""));
  }

  /** {@code program} when it holds a slash, else the first executable of that name on the PATH. */
  public Optional<Path> find(String program) {
    if (program.contains("/")) {
      Path given = Path.of(program);
      return Files.isRegularFile(given) && Files.isExecutable(given)
          ? Optional.of(given.toAbsolutePath().normalize())
          : Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, program))
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
        .findFirst();
  }
}
