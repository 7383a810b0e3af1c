package dev.shiprun.runner.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What the tests ask the process table. */
final class Processes {

  private Processes() {}

  /**
   * The packaged CLI's command line, started with SIGINT, SIGTERM and SIGHUP at their defaults
   * whatever this test inherited (coreutils {@code env} 8.31 or later): a JVM started from a
   * shell's background job keeps an ignored SIGINT, and a signal a test sends would not reach
   * shiprun.
   */
  static List<String> shiprun(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "env",
                "--default-signal=INT,TERM,HUP",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("shiprun.jar", "target/shiprun.jar")));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Whether a process runs: present and not a zombie. A killed process whose parent is gone waits
   * for init to reap it, which in a container may take a while or never happen; it runs nothing.
   */
  static boolean isRunning(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException gone) {
      return false;
    }
  }

  /** The running processes whose command line is exactly {@code argv}, from every /proc entry. */
  static List<Long> running(List<String> argv) throws IOException {
    String wanted = String.join("\0", argv) + "\0";
    List<Long> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (name.matches("\\d+")
            && wanted.equals(commandLine(entry))
            && isRunning(Long.parseLong(name))) {
          found.add(Long.parseLong(name));
        }
      }
    }
    return found;
  }

  private static String commandLine(Path entry) {
    try {
      return new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.ISO_8859_1);
    } catch (IOException gone) {
      return "";
    }
  }
}
