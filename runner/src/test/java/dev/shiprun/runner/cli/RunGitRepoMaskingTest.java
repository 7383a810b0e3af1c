package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.git.TestRepository;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A git failure while a job clones its gitRepo: the URL git names carries the integration's token
 * (here in its path, where no {@code user:password@} rule finds it), and the job's masker hides it
 * in the job's log and in the run's reason.
 */
@QuarkusMainTest
class RunGitRepoMaskingTest {

  private static final String TOKEN = "made-up-scm-token-7g3k";

  @TempDir Path temp;

  @Test
  void aCloneThatFailsNamesTheUrlWithTheTokenMasked(QuarkusMainLauncher launcher) throws Exception {
    TestRepository repo = TestRepository.create(temp.resolve(TOKEN), "app.txt", "one\n");
    Path line = temp.resolve("line");
    Files.createDirectories(line);
    Files.writeString(
        line.resolve("shippable.yml"),
        """
        resources:
          - name: app-repo
            type: gitRepo
            integration: gh
            versionTemplate:
              sourceName: acme/app
              sourceUrl: %s
        jobs:
          - name: build
            type: runSh
            steps:
              - IN: app-repo
              - TASK: {script: [echo built]}
        """
            .formatted(repo.bare()),
        StandardCharsets.UTF_8);
    Path integrations = line.resolve("integrations.yml");
    Files.writeString(
        integrations,
        """
        integrations:
          - name: gh
            type: github
            token: %s
        """
            .formatted(TOKEN),
        StandardCharsets.UTF_8);
    Path home = temp.resolve("home");
    RunHarness shiprun = new RunHarness(launcher, home);
    RunHarness.Summary first =
        shiprun.run(line.toString(), "-i", integrations.toString(), "--job", "build");
    assertEquals("success", first.status("build"), first.describe());

    // The repository goes away and so does shiprun's mirror of it: the job keeps the version it
    // had, and cloning it fails with git naming the URL.
    Files.move(temp.resolve(TOKEN), temp.resolve("moved"));
    deleteTree(home.resolve("git"));
    RunHarness.Summary second =
        shiprun.run(line.toString(), "-i", integrations.toString(), "--job", "build");
    assertEquals("error", second.status("build"), second.describe());
    String reason = second.run("build").get("reason").asText();
    assertTrue(reason.startsWith("cannot clone gitRepo 'app-repo' at "), reason);
    assertTrue(reason.contains("/***/origin.git"), reason);
    assertFalse(reason.contains(TOKEN), reason);
    String log = shiprun.log(second.runId("build"));
    assertTrue(log.contains("/***/origin.git"), log);
    assertFalse(log.contains(TOKEN), log);
  }

  private static void deleteTree(Path root) throws Exception {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
