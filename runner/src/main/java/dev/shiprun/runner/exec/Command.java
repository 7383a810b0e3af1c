package dev.shiprun.runner.exec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A short program run for what it prints, not a job's script (git looking at a repository): no
 * input, stdout and stderr read whole, the JVM's environment with some entries set or removed, and
 * a time limit; on timeout or interrupt it and every process it started are killed.
 *
 * @param command the program and its arguments
 * @param workingDirectory where it starts
 * @param environment entries set over the JVM's environment
 * @param unset names removed from the JVM's environment
 * @param timeout the limit, counted from the start of the process
 */
public record Command(
    List<String> command,
    Path workingDirectory,
    Map<String, String> environment,
    Set<String> unset,
    Duration timeout) {

  public Command {
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("a command names a program");
    }
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    environment = Map.copyOf(environment);
    unset = Set.copyOf(unset);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a timeout must be positive: " + timeout);
    }
  }

  /** How a command ended. */
  public sealed interface Result {

    /** It ended by itself with this exit code and output. */
    record Exited(int code, String stdout, String stderr) implements Result {}

    /** The limit passed; it and everything it started were killed. */
    record TimedOut(Duration limit) implements Result {}

    /** It could not start (no such program, no such directory); {@code reason} is one line. */
    record NotStarted(String reason) implements Result {}
  }

  /**
   * Runs the command to its end. An interrupt of the calling thread kills it and everything it
   * started, and is thrown on.
   */
  public Result run() throws InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = builder.environment();
    unset.forEach(env::remove);
    env.putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new Result.NotStarted(e.getMessage());
    }
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err =
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        return new Result.TimedOut(timeout);
      }
    } catch (InterruptedException e) {
      kill(process);
      throw e;
    }
    return new Result.Exited(process.exitValue(), out.join(), err.join());
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
