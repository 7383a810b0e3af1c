package dev.shiprun.runner.ci.services;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.runner.ci.CiText;
import dev.shiprun.runner.ci.SeamContext;
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
 * The lines run by real bash, with `set -e` as a build script runs: the image's programs are fakes
 * on a PATH that holds nothing else, each noting how it was called.
 */
class ServiceStartsTest {

  @TempDir Path dir;

  private record Ran(int exitCode, String stdout, List<String> calls) {}

  private Path bin() throws IOException {
    return Files.createDirectories(dir.resolve("bin"));
  }

  /** A program of the image that notes its name and arguments, then exits with {@code code}. */
  private void program(String name, int code) throws IOException {
    Path file = bin().resolve(name);
    Files.writeString(
        file,
        "#!/bin/bash\necho \""
            + name
            + " $*\" >> '"
            + dir.resolve("calls")
            + "'\nexit "
            + code
            + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }

  private Ran run(String yaml) throws IOException, InterruptedException {
    List<String> lines =
        new ServiceStarts().scriptLines(new SeamContext(dir.resolve("job")), CiText.read(yaml));
    List<String> script = new ArrayList<>(List.of("set -e"));
    script.addAll(lines);
    script.add("echo ci ran");
    ProcessBuilder builder =
        new ProcessBuilder("/bin/bash", "-c", String.join("\n", script)).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(Map.of("PATH", bin().toString()));
    Process bash = builder.start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = bash.waitFor();
    Path calls = dir.resolve("calls");
    return new Ran(code, out, Files.exists(calls) ? Files.readAllLines(calls) : List.of());
  }

  @Test
  void aServiceTheImageHasIsStartedAndTheBuildGoesOn() throws Exception {
    program("redis-server", 0);
    program("service", 0);
    program("pg_ctlcluster", 0);

    Ran ran = run("services: [redis, postgres]\n");

    assertEquals(0, ran.exitCode(), ran::toString);
    assertEquals(List.of("redis-server --daemonize yes", "service postgresql start"), ran.calls());
    assertEquals("ci ran\n", ran.stdout());
  }

  @Test
  void aServiceTheImageLacksIsOneLineAndTheBuildGoesOn() throws Exception {
    program("service", 0); // postgres needs its own programs as well

    Ran ran = run("services: [postgres, mongodb]\n");

    assertEquals(0, ran.exitCode(), ran::toString);
    assertEquals(
        "the image has no postgres: add it to your image or start it in ci\n"
            + "the image has no mongodb: add it to your image or start it in ci\n"
            + "ci ran\n",
        ran.stdout());
    assertEquals(List.of(), ran.calls());
  }

  @Test
  void aServiceThatDoesNotStartFailsTheBuild() throws Exception {
    program("redis-server", 3);

    Ran ran = run("services: [redis]\n");

    assertEquals(3, ran.exitCode(), ran::toString);
    assertEquals("", ran.stdout());
  }

  @Test
  void anUnknownServiceIsOneLineThatSaysSo() throws Exception {
    Ran ran = run("services: [\"it's-mine\"]\n");

    assertEquals(0, ran.exitCode(), ran::toString);
    assertEquals(
        "shiprun does not know how to start the service 'it's-mine': start it in ci\nci ran\n",
        ran.stdout());
  }

  @Test
  void noServicesNoLines() {
    assertEquals(
        List.of(),
        new ServiceStarts()
            .scriptLines(new SeamContext(dir.resolve("job")), CiText.read("language: node_js\n")));
  }
}
