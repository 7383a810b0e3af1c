package dev.shiprun.runner.cli.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shiprun integration …} end to end, and {@code run}/{@code plan} reading the store: the
 * password typed into stdin reaches the job's variable and nowhere else in the home.
 */
@QuarkusMainTest
class IntegrationCommandTest {

  private static final String PASSWORD = "made-up-store-pass-$`\"'";

  @TempDir Path temp;

  private Path home() {
    return temp.resolve("home");
  }

  /** Quarkus holds System.in in a test; secrets go through a file here, stdin in the IT. */
  private LaunchResult withSecret(QuarkusMainLauncher launcher, String secret, String... args)
      throws Exception {
    Path file = Files.createTempFile(temp, "secret", ".txt");
    Files.writeString(file, secret);
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--password-file";
    all[args.length + 1] = file.toString();
    try {
      return launcher.launch(all);
    } finally {
      Files.delete(file);
    }
  }

  private LaunchResult add(QuarkusMainLauncher launcher, String name, String password)
      throws Exception {
    return withSecret(
        launcher,
        password + "\n",
        "integration",
        "add",
        name,
        "--type",
        "dockerRegistryLogin",
        "--url",
        "https://registry.example.com:5000",
        "--username",
        "alice",
        "--email",
        "alice@example.com",
        "--home",
        home().toString());
  }

  private Path line() throws Exception {
    Path line = temp.resolve("line");
    Files.createDirectories(line);
    Files.writeString(
        line.resolve("shippable.yml"),
        """
        resources:
          - name: app-img
            type: image
            integration: hub-creds
            versionTemplate: {sourceName: registry.example.com:5000/app, versionName: "1"}
        jobs:
          - name: push
            type: runSh
            steps:
              - IN: app-img
              - TASK:
                  script:
                    - echo "user=$APPIMG_INTEGRATION_USERNAME url=$APPIMG_INTEGRATION_URL"
                    - test "$APPIMG_INTEGRATION_PASSWORD" = "$EXPECTED"
                    - echo "the password is $APPIMG_INTEGRATION_PASSWORD"
        """);
    return line;
  }

  private static String everything(Path folder) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  @Test
  void addListShowThenRunAndPlanUseTheStoredIntegration(QuarkusMainLauncher launcher)
      throws Exception {
    LaunchResult added = add(launcher, "hub-creds", PASSWORD);
    assertEquals(0, added.exitCode(), added.getErrorOutput());
    assertTrue(added.getOutput().contains("stored integration 'hub-creds' (dockerRegistryLogin)"));

    LaunchResult list =
        launcher.launch("integration", "list", "--home", home().toString(), "-o", "json");
    assertEquals(0, list.exitCode(), list.getErrorOutput());
    JsonNode rows = new ObjectMapper().readTree(list.getOutput());
    assertEquals("hub-creds", rows.get(0).get("name").asText());
    assertEquals("***", rows.get(0).get("fields").get("password").asText());
    assertEquals("alice", rows.get(0).get("fields").get("username").asText());

    LaunchResult show =
        launcher.launch("integration", "show", "hub-creds", "--home", home().toString());
    assertEquals(0, show.exitCode(), show.getErrorOutput());
    assertTrue(show.getOutput().contains("password: ***"), show.getOutput());
    assertFalse(show.getOutput().contains("made-up"), show.getOutput());

    Path line = line();
    LaunchResult plan = launcher.launch("plan", line.toString(), "--home", home().toString());
    assertEquals(0, plan.exitCode(), plan.getErrorOutput());
    assertTrue(plan.getOutput().contains("APPIMG_INTEGRATION_PASSWORD=***"), plan.getOutput());

    LaunchResult run =
        launcher.launch(
            "run",
            line.toString(),
            "--home",
            home().toString(),
            "-v",
            "--env",
            "EXPECTED=" + PASSWORD);
    assertEquals(0, run.exitCode(), run.getErrorOutput());
    assertTrue(
        run.getErrorOutput().contains("user=alice url=https://registry.example.com:5000"),
        run.getErrorOutput());
    assertTrue(run.getErrorOutput().contains("the password is ***"), run.getErrorOutput());

    String disk = everything(home());
    assertFalse(disk.contains(PASSWORD), "the password is somewhere in the home");
    assertFalse(disk.contains("made-up-store-pass"), "part of the password is in the home");
  }

  @Test
  void aFileGivenWithIntegrationsWinsOverTheStore(QuarkusMainLauncher launcher) throws Exception {
    assertEquals(0, add(launcher, "hub-creds", "made-up-stored").exitCode());
    Path file = temp.resolve("integrations.yml");
    Files.writeString(
        file,
        """
        integrations:
          - name: hub-creds
            type: dockerRegistryLogin
            username: bob
            password: made-up-from-file
        """);
    LaunchResult run =
        launcher.launch(
            "run",
            line().toString(),
            "--home",
            home().toString(),
            "-i",
            file.toString(),
            "-v",
            "--env",
            "EXPECTED=made-up-from-file");
    assertEquals(0, run.exitCode(), run.getErrorOutput());
    assertTrue(run.getErrorOutput().contains("user=bob url=https://index.docker.io/v1/"));
  }

  @Test
  void importStoresAllOrNothingAndRemoveTakesOneAway(QuarkusMainLauncher launcher)
      throws Exception {
    Path bad = temp.resolve("bad.yml");
    Files.writeString(
        bad,
        """
        integrations:
          - name: good
            type: dockerRegistryLogin
            username: u
            password: made-up-1
          - name: broken
            type: dockerRegistryLogn
            username: u
        """);
    LaunchResult refused =
        launcher.launch("integration", "import", bad.toString(), "--home", home().toString());
    assertEquals(1, refused.exitCode());
    assertTrue(refused.getErrorOutput().contains("nothing stored"), refused.getErrorOutput());
    assertFalse(Files.exists(home().resolve("integrations.json")));

    Path good = temp.resolve("good.yml");
    Files.writeString(
        good,
        """
        integrations:
          - name: hub-creds
            type: dockerRegistryLogin
            username: alice
            password: made-up-imported
          - name: team-env
            type: keyValuePair
            envs: {DEPLOY_TOKEN: made-up-kv}
        """);
    LaunchResult imported =
        launcher.launch("integration", "import", good.toString(), "--home", home().toString());
    assertEquals(0, imported.exitCode(), imported.getErrorOutput());
    assertTrue(imported.getOutput().contains("stored 2 integrations"), imported.getOutput());
    LaunchResult again =
        launcher.launch("integration", "import", good.toString(), "--home", home().toString());
    assertEquals(1, again.exitCode());
    assertTrue(again.getErrorOutput().contains("pass --replace"), again.getErrorOutput());

    LaunchResult removed =
        launcher.launch("integration", "remove", "team-env", "--home", home().toString());
    assertEquals(0, removed.exitCode(), removed.getErrorOutput());
    LaunchResult list = launcher.launch("integration", "list", "--home", home().toString());
    assertTrue(list.getOutput().contains("hub-creds"), list.getOutput());
    assertFalse(list.getOutput().contains("team-env"), list.getOutput());
    assertFalse(everything(home()).contains("made-up-imported"));
  }

  @Test
  void importOfAFileThatIsNotThereHintsAtItsOwnArgument(QuarkusMainLauncher launcher) {
    Path absent = temp.resolve("integrations.yml");
    LaunchResult missing =
        launcher.launch("integration", "import", absent.toString(), "--home", home().toString());
    assertEquals(1, missing.exitCode());
    String err = missing.getErrorOutput();
    assertTrue(err.contains("no such integrations file: " + absent), err);
    assertTrue(
        err.contains("hint: check the path given as FILE to 'shiprun integration import'"), err);
    assertFalse(err.contains("--integrations"), "import takes no --integrations option:\n" + err);

    LaunchResult folder =
        launcher.launch("integration", "import", temp.toString(), "--home", home().toString());
    assertEquals(1, folder.exitCode());
    assertTrue(
        folder
            .getErrorOutput()
            .contains(
                "hint: give the path of the integrations YAML file as FILE to 'shiprun"
                    + " integration import'"),
        folder.getErrorOutput());
    assertFalse(folder.getErrorOutput().contains("--integrations"), folder.getErrorOutput());
  }

  @Test
  void rotateKeyKeepsEveryIntegrationUsable(QuarkusMainLauncher launcher) throws Exception {
    assertEquals(0, add(launcher, "hub-creds", PASSWORD).exitCode());
    String key = Files.readString(home().resolve("master.key"));
    LaunchResult rotated =
        launcher.launch("integration", "rotate-key", "--home", home().toString());
    assertEquals(0, rotated.exitCode(), rotated.getErrorOutput());
    assertTrue(rotated.getOutput().contains("re-encrypted 1 integration"), rotated.getOutput());
    assertFalse(key.equals(Files.readString(home().resolve("master.key"))));
    LaunchResult run =
        launcher.launch(
            "run", line().toString(), "--home", home().toString(), "--env", "EXPECTED=" + PASSWORD);
    assertEquals(0, run.exitCode(), run.getErrorOutput());
  }

  @Test
  void secretsOnTheCommandLineAndUnknownTypesAreRefused(QuarkusMainLauncher launcher)
      throws Exception {
    LaunchResult secret =
        launcher.launch(
            "integration",
            "add",
            "x",
            "--type",
            "dockerRegistryLogin",
            "--username",
            "u",
            "--field",
            "password=made-up-visible",
            "--home",
            home().toString());
    assertEquals(2, secret.exitCode());
    assertTrue(secret.getErrorOutput().contains("is secret: give it with --password-stdin"));
    assertFalse(secret.getErrorOutput().contains("made-up-visible"), secret.getErrorOutput());

    LaunchResult type =
        launcher.launch(
            "integration", "add", "x", "--type", "dockerRegistryLogn", "--home", home().toString());
    assertEquals(2, type.exitCode());
    assertTrue(
        type.getErrorOutput().contains("did you mean 'dockerRegistryLogin'?"),
        type.getErrorOutput());

    LaunchResult url =
        withSecret(
            launcher,
            "made-up\n",
            "integration",
            "add",
            "x",
            "--type",
            "dockerRegistryLogin",
            "--url",
            "registry.example.com",
            "--username",
            "u",
            "--home",
            home().toString());
    assertEquals(2, url.exitCode());
    assertTrue(
        url.getErrorOutput().contains("--url is not a usable address"), url.getErrorOutput());

    LaunchResult missing =
        launcher.launch(
            "integration",
            "add",
            "x",
            "--type",
            "dockerRegistryLogin",
            "--username",
            "u",
            "--home",
            home().toString());
    assertEquals(2, missing.exitCode());
    assertTrue(
        missing.getErrorOutput().contains("needs field 'password'"), missing.getErrorOutput());
  }

  @Test
  void aWrongKeyStopsRunWithTheReason(QuarkusMainLauncher launcher) throws Exception {
    assertEquals(0, add(launcher, "hub-creds", PASSWORD).exitCode());
    Files.writeString(
        home().resolve("master.key"),
        java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
    LaunchResult run = launcher.launch("run", line().toString(), "--home", home().toString());
    assertEquals(1, run.exitCode());
    assertTrue(
        run.getErrorOutput().contains("were encrypted with master key"), run.getErrorOutput());
    assertFalse(run.getErrorOutput().contains("Exception"), run.getErrorOutput());
  }
}
