package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code integration add --password-stdin} through the packaged jar as a real process (Quarkus
 * holds System.in inside a {@code @QuarkusMainTest}), with the key from the home and from {@code
 * SHIPRUN_MASTER_KEY}.
 */
class IntegrationStdinIT {

  private static final String PASSWORD = "made-up-stdin-Passw0rd";

  @TempDir Path temp;

  private record Result(int code, String out, String err) {}

  private Result shiprun(Map<String, String> env, String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("shiprun.jar", "target/shiprun.jar"));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectOutput(temp.resolve("out.txt").toFile())
            .redirectError(temp.resolve("err.txt").toFile());
    pb.environment().remove("SHIPRUN_MASTER_KEY");
    pb.environment().putAll(env);
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "shiprun did not end");
    return new Result(
        p.exitValue(),
        Files.readString(temp.resolve("out.txt")),
        Files.readString(temp.resolve("err.txt")));
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

  private Result add(Map<String, String> env, Path home) throws Exception {
    return shiprun(
        env,
        PASSWORD + "\n",
        "integration",
        "add",
        "hub-creds",
        "--type",
        "dockerRegistryLogin",
        "--username",
        "alice",
        "--password-stdin",
        "--home",
        home.toString());
  }

  @Test
  void aPasswordFromStdinIsStoredEncrypted() throws Exception {
    Path home = temp.resolve("home");
    Result added = add(Map.of(), home);
    assertEquals(0, added.code(), added.err());
    Result show =
        shiprun(Map.of(), "", "integration", "show", "hub-creds", "--home", home.toString());
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("password: ***"), show.out());
    assertTrue(Files.exists(home.resolve("master.key")));
    assertFalse(everything(home).contains(PASSWORD), "the password is readable in the home");
    assertFalse(added.out().contains(PASSWORD) || added.err().contains(PASSWORD));
  }

  @Test
  void aKeyFromTheEnvironmentLeavesNoKeyFileAndIsNeededToRead() throws Exception {
    Path home = temp.resolve("home");
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    Result added = add(Map.of("SHIPRUN_MASTER_KEY", key), home);
    assertEquals(0, added.code(), added.err());
    assertFalse(Files.exists(home.resolve("master.key")), "no key file when the key is given");
    Path line = temp.resolve("line");
    Files.createDirectories(line);
    Files.writeString(
        line.resolve("shippable.yml"),
        """
        resources:
          - name: img
            type: image
            integration: hub-creds
            versionTemplate: {sourceName: example.com/app, versionName: "1"}
        jobs:
          - name: j
            type: runSh
            steps:
              - IN: img
              - TASK: {script: ['test "$IMG_INTEGRATION_PASSWORD" = "$EXPECTED"']}
        """);
    Result withKey =
        shiprun(
            Map.of("SHIPRUN_MASTER_KEY", key),
            "",
            "run",
            line.toString(),
            "--home",
            home.toString(),
            "--env",
            "EXPECTED=" + PASSWORD);
    assertEquals(0, withKey.code(), withKey.err());
    Result without = shiprun(Map.of(), "", "run", line.toString(), "--home", home.toString());
    assertEquals(1, without.code(), without.err());
    assertTrue(without.err().contains("there is no master key"), without.err());
  }
}
