package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The real tools the fixtures are made with (git, openssl), run in a clean environment. */
final class Tools {

  private Tools() {}

  /**
   * Runs {@code command} in {@code dir} and returns its stdout; fails the test unless it exits 0.
   */
  static String run(Path dir, String... command) {
    Map<String, String> env =
        Map.of(
            "PATH", "/usr/local/bin:/usr/bin:/bin",
            "HOME", dir.toString(),
            "GIT_AUTHOR_NAME", "Test",
            "GIT_AUTHOR_EMAIL", "test@example.test",
            "GIT_COMMITTER_NAME", "Test",
            "GIT_COMMITTER_EMAIL", "test@example.test",
            "GIT_CONFIG_NOSYSTEM", "1");
    Shipctl.Result result = Processes.run(List.of(command), env, dir);
    assertEquals(0, result.exitCode(), () -> String.join(" ", command) + "\n" + result);
    return result.stdout();
  }
}
