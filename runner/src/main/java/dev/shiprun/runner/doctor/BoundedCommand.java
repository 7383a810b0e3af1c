package dev.shiprun.runner.doctor;

import dev.shiprun.runner.exec.Command;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs an outside command (an engine's {@code info}, {@code bash --version}) to its end or to a
 * time limit, whichever comes first: a registry or a daemon that does not answer must not hang the
 * doctor. On the limit it and everything it started are killed ({@link Command}).
 */
final class BoundedCommand {

  /** How a command ended. */
  record Result(int exitCode, boolean timedOut, String out, String err) {

    boolean succeeded() {
      return !timedOut && exitCode == 0;
    }

    /** The first line of stderr that says something, else of stdout; for a one-line report. */
    String firstLine() {
      return Stream.of(err, out)
          .flatMap(String::lines)
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .findFirst()
          .orElse("exit code " + exitCode);
    }
  }

  private final Map<String, String> environment;

  /** Commands run with {@code environment} only (the caller's). */
  BoundedCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  Result run(List<String> command, Duration limit) {
    Command.Result result;
    try {
      // Only the caller's environment: every variable of the JVM's is unset first.
      result =
          new Command(command, Path.of("."), environment, System.getenv().keySet(), limit).run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, true, "", "interrupted");
    }
    if (result instanceof Command.Result.Exited exited) {
      return new Result(exited.code(), false, exited.stdout(), exited.stderr());
    }
    if (result instanceof Command.Result.NotStarted notStarted) {
      return new Result(
          127, false, "", "cannot start " + command.get(0) + ": " + notStarted.reason());
    }
    return new Result(-1, true, "", "");
  }
}
