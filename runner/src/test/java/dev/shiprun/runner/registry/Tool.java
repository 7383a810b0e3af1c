package dev.shiprun.runner.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command-line tool to its end for a test: in a folder, with exactly the environment given
 * (plus {@code PATH}), output and errors together in one text, killed when it takes too long.
 */
public final class Tool {

  /** What the tool said (stdout and stderr interleaved) and how it ended. */
  public record Result(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  static final Map<String, String> PATH = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin");

  private Tool() {}

  /**
   * @throws IOException when the tool cannot start or does not end within {@code limit}
   */
  public static Result run(
      Path dir, Map<String, String> environment, Duration limit, String... command)
      throws IOException {
    Path output = Files.createTempFile(dir, ".tool-", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().clear();
    builder.environment().putAll(PATH);
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IOException(
            String.join(" ", List.of(command)) + " did not end within " + limit.toSeconds() + " s");
      }
      return new Result(
          process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + command[0], e);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** Runs it and insists on success. */
  static String check(Path dir, Duration limit, String... command) throws IOException {
    Result result = run(dir, Map.of(), limit, command);
    if (!result.ok()) {
      throw new IOException(
          command[0] + " failed (exit " + result.exitCode() + "): " + result.output().strip());
    }
    return result.output();
  }
}
