package dev.shiprun.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rootless podman: the packaged CLI as user nobody (setpriv) runs a container TASK whose image it
 * pulls from the lab's registry with the home's Docker Registry integration; the container's files
 * in the build folder belong to that user, and nothing is left running. Needs, besides the lab,
 * setpriv and Debian's uidmap (newuidmap).
 */
@ExtendWith(ContainerLabPrerequisites.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ContainerRunRootlessIT {

  @TempDir Path temp;

  @Test
  void aContainerTaskRunsUnderRootlessPodmanAsAnotherUser() throws Exception {
    ContainerLabPrerequisites.require("/usr/bin/newuidmap", "apt-get install uidmap");
    ContainerLabPrerequisites.require("/usr/bin/setpriv", "apt-get install util-linux");
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (ContainerLab lab = ContainerLab.start(temp.resolve("lab"));
        ContainerLabRootless rootless = ContainerLabRootless.create(temp.resolve("rootless"))) {
      Path jar = temp.resolve("shiprun.jar");
      Files.copy(
          Path.of(System.getProperty("shiprun.jar", "target/shiprun.jar")).toAbsolutePath(), jar);
      Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
      Path home = temp.resolve("home");
      lab.addIntegration(home, "lab-reg", ContainerLab.PASSWORD);
      Path line = Files.createDirectories(temp.resolve("line"));
      Files.writeString(
          line.resolve("shippable.yml"),
          """
          resources:
            - name: app-image
              type: image
              integration: lab-reg
              versionTemplate: {sourceName: "%1$s", versionName: "%2$s"}
          jobs:
            - name: build
              type: runSh
              steps:
                - IN: app-image
                - TASK:
                    runtime:
                      options: {imageName: "%1$s", imageTag: "%2$s"}
                    script:
                      - cat %3$s
                      - echo "uid in the container $(id -u)"
                      - echo from-the-container > "$SHARED_DIR/made.txt"
                      - echo "shared-dir=$SHARED_DIR"
          """
              .formatted(lab.imageName(), ContainerLab.TAG, ContainerLab.MARKER));
      giveToNobody(home);
      giveToNobody(line);

      Path out = temp.resolve("run.out");
      Path err = temp.resolve("run.err");
      List<String> command =
          new ArrayList<>(
              List.of(
                  "setpriv",
                  "--reuid=" + ContainerLabRootless.NOBODY,
                  "--regid=" + ContainerLabRootless.NOBODY,
                  "--clear-groups",
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString(),
                  "run",
                  line.toString(),
                  "--home",
                  home.toString(),
                  "--keep-workspace",
                  "-o",
                  "json"));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(temp.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().keySet().removeIf(k -> k.startsWith("SHIPRUN_"));
      builder.environment().putAll(rootless.environment());
      Process run = builder.start();
      assertTrue(run.waitFor(180, TimeUnit.SECONDS), "shiprun did not end");
      String output = Files.readString(err) + Files.readString(out);
      assertEquals(0, run.exitValue(), output + lab.registryLog());
      var summary = new ObjectMapper().readTree(Files.readString(out)).get("runs").get(0);
      assertEquals("success", summary.get("status").asText(), output);

      String log = logs(jar, home, summary.get("runId").asText(), rootless.environment());
      assertTrue(log.contains(ContainerLab.MARKER_TEXT), "not in the image: " + log);
      assertTrue(log.contains("uid in the container 0"), log);
      String shared =
          log.lines()
              .filter(l -> l.contains("shared-dir="))
              .map(l -> l.substring(l.indexOf("shared-dir=") + 11).strip())
              .findFirst()
              .orElseThrow(() -> new AssertionError("no shared folder in " + log));
      Path made = Path.of(shared, "made.txt");
      assertEquals(
          ContainerLabRootless.NOBODY,
          Files.getAttribute(made, "unix:uid"),
          "a file the container wrote belongs to the user who ran shiprun");
      assertEquals(
          List.of(),
          ContainerLab.processesNaming(rootless.runtime().toString()),
          "a process of the container is left");
    }
  }

  private static void giveToNobody(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.toList()) {
        Files.setAttribute(p, "unix:uid", ContainerLabRootless.NOBODY);
        Files.setAttribute(p, "unix:gid", ContainerLabRootless.NOBODY);
      }
    }
  }

  private String logs(Path jar, Path home, String runId, Map<String, String> env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                "setpriv",
                "--reuid=" + ContainerLabRootless.NOBODY,
                "--regid=" + ContainerLabRootless.NOBODY,
                "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "logs",
                runId,
                "--home",
                home.toString())
            .directory(temp.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "shiprun logs did not end");
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
