package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real tools the fixtures are made with (git, openssl), run in a clean environment. */
final class Tools {

  private Tools() {}

  /**
   * Runs {@code command} in {@code dir} and returns its stdout; fails the test unless it exits 0.
   */
  static String run(Path dir, String... command) {
    try {
      ProcessBuilder pb =
          new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
      pb.environment().clear();
      pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
      pb.environment().put("HOME", dir.toString());
      pb.environment().put("GIT_AUTHOR_NAME", "Test");
      pb.environment().put("GIT_AUTHOR_EMAIL", "test@example.test");
      pb.environment().put("GIT_COMMITTER_NAME", "Test");
      pb.environment().put("GIT_COMMITTER_EMAIL", "test@example.test");
      pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
      Process process = pb.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      assertEquals(0, process.exitValue(), () -> String.join(" ", command) + "\n" + out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
