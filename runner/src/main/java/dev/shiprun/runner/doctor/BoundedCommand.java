package dev.shiprun.runner.doctor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs an outside command (an engine's {@code info}, {@code bash --version}) to its end or to a
 * time limit, whichever comes first: a registry or a daemon that does not answer must not hang the
 * doctor. Output goes through files, so a chatty command never blocks on a full pipe.
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
    Path out = null;
    Path err = null;
    Process process = null;
    try {
      out = Files.createTempFile("shiprun-doctor", ".out");
      err = Files.createTempFile("shiprun-doctor", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(new File("/dev/null"))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().clear();
      builder.environment().putAll(environment);
      process = builder.start();
      boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!ended) {
        stop(process);
      }
      return new Result(
          ended ? process.exitValue() : -1,
          !ended,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(127, false, "", "cannot start " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(process);
      return new Result(-1, true, "", "interrupted");
    } finally {
      delete(out);
      delete(err);
    }
  }

  /** Kills the command and what it started, and waits a little for it to go. */
  private static void stop(Process process) {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A temporary file left behind is harmless.
      }
    }
  }
}
