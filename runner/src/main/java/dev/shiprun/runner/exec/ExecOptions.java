package dev.shiprun.runner.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How scripts are started.
 *
 * @param bash the bash executable
 * @param setsid util-linux {@code setsid}, when present: the script then starts as the leader of a
 *     session and process group of its own, so a Ctrl-C at the terminal reaches shiprun only (which
 *     cancels in order) and the group is one more way to find the script's processes
 */
public record ExecOptions(Path bash, Optional<Path> setsid) {

  public ExecOptions {
    Objects.requireNonNull(bash, "bash");
    Objects.requireNonNull(setsid, "setsid");
  }

  /** bash and setsid from the usual places or the JVM's PATH. */
  public static ExecOptions defaults() {
    return new ExecOptions(find("bash").orElse(Path.of("/bin/bash")), find("setsid"));
  }

  private static Optional<Path> find(String program) {
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    return Stream.concat(Stream.of("/usr/bin", "/bin"), Stream.of(path.split(File.pathSeparator)))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
