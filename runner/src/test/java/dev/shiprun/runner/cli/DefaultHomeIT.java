package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default home follows {@code $HOME} as a container or CI sets it, not the account's home
 * directory of the password database (Java's {@code user.home}), which it falls back to only when
 * {@code HOME} is unset or empty. The packaged CLI as a process, without {@code --home} and without
 * {@code SHIPRUN_HOME}.
 */
class DefaultHomeIT {

  @TempDir Path temp;

  private Path integrations() throws Exception {
    Path file = temp.resolve("integrations.yml");
    Files.writeString(
        file,
        """
        integrations:
          - name: team-env
            type: keyValuePair
            envs: {DEPLOY_TOKEN: made-up-home-token}
        """);
    return file;
  }

  @Test
  void theHomeIsInHomeWhenTheEnvironmentSetsIt() throws Exception {
    Path home = Files.createDirectories(temp.resolve("ci-home"));
    Path account = Files.createDirectories(temp.resolve("account"));
    PackagedJar jar = new PackagedJar(Files.createDirectories(temp.resolve("out")));
    PackagedJar.Result imported =
        jar.start(
                List.of(),
                Map.of("HOME", home.toString(), "JAVA_TOOL_OPTIONS", "-Duser.home=" + account),
                "integration",
                "import",
                integrations().toString())
            .await();
    assertEquals(0, imported.code(), imported.err());
    assertTrue(Files.isRegularFile(home.resolve(".shiprun/integrations.json")), imported.err());
    assertFalse(Files.exists(account.resolve(".shiprun")), "the account's home is left alone");
  }

  @Test
  void anEmptyHomeFallsBackToTheAccountsHomeDirectory() throws Exception {
    Path account = Files.createDirectories(temp.resolve("account"));
    PackagedJar jar = new PackagedJar(Files.createDirectories(temp.resolve("out")));
    PackagedJar.Result imported =
        jar.start(
                List.of(),
                Map.of("HOME", "", "JAVA_TOOL_OPTIONS", "-Duser.home=" + account),
                "integration",
                "import",
                integrations().toString())
            .await();
    assertEquals(0, imported.code(), imported.err());
    assertTrue(Files.isRegularFile(account.resolve(".shiprun/integrations.json")), imported.err());
  }
}
