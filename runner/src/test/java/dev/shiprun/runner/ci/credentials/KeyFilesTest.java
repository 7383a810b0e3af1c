package dev.shiprun.runner.ci.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key lines run by real bash with the real ssh-agent and ssh-add and keys made by ssh-keygen
 * for the test; {@code /tmp/ssh} is a folder of the test, so that runs never share it.
 */
class KeyFilesTest {

  @TempDir Path dir;

  private record Ran(int exitCode, String stdout) {}

  private String newKey(String comment) throws IOException, InterruptedException {
    Path file = dir.resolve("made-" + comment);
    Process keygen =
        new ProcessBuilder(
                "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file.toString())
            .redirectErrorStream(true)
            .start();
    keygen.getInputStream().readAllBytes();
    assertEquals(0, keygen.waitFor());
    return Files.readString(file);
  }

  private List<String> install(Path tmpSsh, String... comments) throws Exception {
    List<KeyFiles.Key> keys = new ArrayList<>();
    for (String comment : comments) {
      keys.add(
          new KeyFiles.Key(
              KeyFiles.fileName(comment),
              IntegrationAccessTest.sshKey(comment, newKey(comment).strip())));
    }
    List<String> lines = new KeyFiles(dir.resolve("build/secrets/ci-keys")).install(keys);
    return lines.stream().map(l -> l.replace(KeyFiles.IN_CONTAINER, tmpSsh.toString())).toList();
  }

  private Ran bash(List<String> lines, String path) throws IOException, InterruptedException {
    List<String> script = new ArrayList<>(List.of("set -e"));
    script.addAll(lines);
    ProcessBuilder builder =
        new ProcessBuilder("/bin/bash", "-c", String.join("\n", script)).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(Map.of("PATH", path, "HOME", dir.toString()));
    Process bash = builder.start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Ran(bash.waitFor(), out);
  }

  @Test
  void theAgentOffersTheKeysInAlphabeticalOrderOfTheirNames() throws Exception {
    Path tmpSsh = dir.resolve("tmp-ssh");
    List<String> lines = new ArrayList<>(install(tmpSsh, "b-key", "a-key"));
    lines.add(0, "trap '[ -z \"${SSH_AGENT_PID-}\" ] || ssh-agent -k >/dev/null' EXIT");
    lines.add("ssh-add -l");

    Ran ran = bash(lines, "/usr/local/bin:/usr/bin:/bin");

    assertEquals(0, ran.exitCode(), ran::toString);
    List<String> offered = ran.stdout().lines().toList();
    assertEquals(2, offered.size(), ran::toString);
    assertTrue(offered.get(0).endsWith(" a-key (ED25519)"), ran::toString);
    assertTrue(offered.get(1).endsWith(" b-key (ED25519)"), ran::toString);
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(tmpSsh.resolve("a-key"))));
    assertTrue(Files.exists(tmpSsh.resolve("b-key.pub")));
  }

  @Test
  void withoutSshAgentTheKeysAreCopiedAndOneLineSaysSo() throws Exception {
    Path tmpSsh = dir.resolve("tmp-ssh");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String tool : List.of("mkdir", "chmod", "cp")) {
      Path wrapper = bin.resolve(tool);
      Files.writeString(wrapper, "#!/bin/bash\nexec /bin/" + tool + " \"$@\"\n");
      Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    }
    List<String> lines = new ArrayList<>(install(tmpSsh, "deploy"));
    lines.add("echo ci ran");

    Ran ran = bash(lines, bin.toString());

    assertEquals(0, ran.exitCode(), ran::toString);
    assertEquals(
        "the image has no ssh-agent: the keys are in "
            + tmpSsh
            + " but no agent offers them; add openssh-client to your image\nci ran\n",
        ran.stdout());
    assertTrue(Files.exists(tmpSsh.resolve("deploy")));
  }
}
