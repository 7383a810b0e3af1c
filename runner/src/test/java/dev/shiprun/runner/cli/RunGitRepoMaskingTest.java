package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.git.TestRepository;
import io.quarkus.test.junit.main.LaunchResult;
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
 * A git failure while a job clones its gitRepo: the URL git names carries a secret of another
 * integration of the job (in its path, where no {@code user:password@} rule finds it and the
 * gitRepo's own credentials do not hold it), and the job's masker hides it in the job's log and in
 * the run's reason, as shown and as stored.
 */
@QuarkusMainTest
class RunGitRepoMaskingTest {

  private static final String TOKEN = "made-up-hub-password-7g3k";

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
            versionTemplate:
              sourceName: acme/app
              sourceUrl: %s
          - name: hub-res
            type: integration
            integration: hub
        jobs:
          - name: build
            type: runSh
            steps:
              - IN: app-repo
              - IN: hub-res
              - TASK: {script: [echo built]}
        """
            .formatted(repo.bare()),
        StandardCharsets.UTF_8);
    Path integrations = line.resolve("integrations.yml");
    Files.writeString(
        integrations,
        """
        integrations:
          - name: hub
            type: dockerRegistryLogin
            username: alice
            password: %s
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
    // What the store keeps (shiprun runs, the daemon's API) is the reason as the job gave it.
    LaunchResult runs = launcher.launch("runs", "--home", home.toString(), "-o", "json");
    assertEquals(0, runs.exitCode(), runs.getErrorOutput());
    String stored = "";
    for (JsonNode row : new ObjectMapper().readTree(runs.getOutput())) {
      if (row.get("id").asLong() == second.runId("build")) {
        stored = row.get("reason").asText();
      }
    }
    assertTrue(stored.contains("/***/origin.git"), runs.getOutput());
    assertFalse(stored.contains(TOKEN), stored);
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
