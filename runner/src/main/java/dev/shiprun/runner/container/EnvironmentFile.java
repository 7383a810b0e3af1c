package dev.shiprun.runner.container;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A script's environment handed to a container without a value on a command line: an env file (mode
 * 0600) of {@code NAME=value} lines for the values such a line carries exactly, and the others (a
 * line break, a carriage return, a very long value) passed by name ({@code --env NAME}), their
 * values in the container command's own environment.
 *
 * @param file the env file
 * @param byName the variables passed by name, with their values
 */
public record EnvironmentFile(Path file, Map<String, String> byName) {

  /**
   * Longer lines might exceed the 64 KiB the engines read of one env-file line (4 bytes a char).
   */
  static final int MAX_LINE_CHARS = 8 << 10;

  public EnvironmentFile {
    byName = Map.copyOf(byName);
  }

  /** Why {@code environment} cannot be handed to a container, as one line; empty when it can. */
  public static Optional<String> problem(Map<String, String> environment) {
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      String name = variable.getKey();
      if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c != '=' && c != 0x7f)) {
        return Optional.of(
            "'"
                + name.replaceAll("\\p{Cntrl}", "?")
                + "' cannot be the name of a container's environment variable: a name is not"
                + " empty and holds no '=', space or control character");
      }
      if (variable.getValue().indexOf('\0') >= 0) {
        return Optional.of(
            "the value of environment variable "
                + name
                + " holds a NUL character, which no environment can carry: remove it");
      }
    }
    return Optional.empty();
  }

  /**
   * Writes {@code environment} to a new file {@code file} readable by its owner only, which must
   * not exist. The caller checked it with {@link #problem}.
   */
  public static EnvironmentFile write(Path file, Map<String, String> environment)
      throws IOException {
    Map<String, String> byName = new TreeMap<>();
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
        String value = variable.getValue();
        if (fitsALine(variable.getKey(), value)) {
          out.write(variable.getKey() + "=" + value + "\n");
        } else {
          byName.put(variable.getKey(), value);
        }
      }
    }
    return new EnvironmentFile(file, byName);
  }

  /** The names to pass with {@code --env NAME}, in order. */
  public List<String> names() {
    return new TreeMap<>(byName).keySet().stream().toList();
  }

  private static boolean fitsALine(String name, String value) {
    return value.indexOf('\n') < 0
        && value.indexOf('\r') < 0
        && name.length() + value.length() < MAX_LINE_CHARS;
  }
}
