package dev.shiprun.runner.exec;

import dev.shiprun.runner.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Processes that try to outlive the script that started them, each a {@code sleep} with an argument
 * of its own ({@code 300.<digits>}) so a /proc scan finds them whatever their environment and
 * session: one that leaves the session with a cleared environment ({@code setsid -f env -i}), a
 * double fork that does the same, a {@code nohup} and a {@code disown} one with a cleared
 * environment.
 */
final class Escapees {

  private final List<String> arguments = new ArrayList<>();

  Escapees() {
    long base = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    for (int i = 0; i < 4; i++) {
      arguments.add("300." + (base + i));
    }
  }

  /**
   * Bash lines that start them all and then wait until each runs, so a slow machine cannot make a
   * test pass by ending the script before they exist.
   */
  String start() {
    StringBuilder text = new StringBuilder();
    text.append("setsid -f env -i ").append(sleep(0)).append('\n');
    text.append("( setsid env -i ").append(sleep(1)).append(" & )\n");
    text.append("nohup env -i ").append(sleep(2)).append(" > /dev/null 2>&1 &\n");
    text.append("env -i ").append(sleep(3)).append(" &\ndisown\n");
    for (int i = 0; i < arguments.size(); i++) {
      text.append("until [ -e escapee-").append(i).append(" ]; do sleep 0.01; done\n");
    }
    return text.toString();
  }

  /**
   * A shell that marks its start in {@code escapee-<i>} (in the script's directory) and becomes the
   * sleep: with a cleared environment it needs no PATH for either.
   */
  private String sleep(int i) {
    return "/bin/sh -c ': > \"$0\"; exec sleep "
        + arguments.get(i)
        + "' \"$PWD/escapee-"
        + i
        + "\"";
  }

  /** The pids of those still alive (zombies count as gone), read from every /proc entry. */
  List<Long> alive() throws IOException {
    List<Long> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (!name.matches("\\d+")) {
          continue;
        }
        String commandLine = read(entry.resolve("cmdline"));
        for (String argument : arguments) {
          if (commandLine.equals("sleep\0" + argument + "\0")
              && !Exec.isGone(Long.parseLong(name))) {
            found.add(Long.parseLong(name));
          }
        }
      }
    }
    return found;
  }

  /** Waits up to {@code seconds} for all of them to be gone; those still alive then. */
  List<Long> aliveAfter(int seconds) throws Exception {
    return Poll.value(Duration.ofSeconds(seconds), this::alive, List::isEmpty);
  }

  /** Kills whatever is left of them (after a failed test). */
  void killAll() throws IOException {
    for (long pid : alive()) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }
}
