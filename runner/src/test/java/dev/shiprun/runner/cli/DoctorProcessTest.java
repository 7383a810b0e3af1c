package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shiprun doctor} as a process of its own (the launchers' quick path, from the test class
 * path), so the checks see the environment it is given: the PATH jobs get, {@code
 * SHIPRUN_CONTAINER_CLI}.
 */
class DoctorProcessTest {

  @TempDir Path temp;

  private record Result(int code, String out, String err) {}

  @Test
  void aToolMissingFromThePathIsAWarningWithItsFix() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    for (String tool : List.of("git", "curl", "openssl", "envsubst")) {
      Optional<Path> found = onPath(tool);
      if (found.isPresent()) {
        Files.createSymbolicLink(bin.resolve(tool), found.get());
      }
    }

    Result result =
        doctor(
            Map.of("PATH", bin.toString()),
            "--home",
            temp.resolve("home").toString(),
            "--container-cli",
            "/nonexistent/podman");

    assertEquals(0, result.code(), result.out() + result.err());
    assertTrue(
        result
            .out()
            .contains(
                "warn  jq: not found on the PATH (shipctl's JSON commands need it):"
                    + " apt-get install jq\n"),
        result.out());
    assertTrue(result.out().contains("ok    git: " + bin.resolve("git") + "\n"), result.out());
  }

  @Test
  void theContainerCommandComesFromItsVariable() throws Exception {
    Result result =
        doctor(
            Map.of("SHIPRUN_CONTAINER_CLI", "/nonexistent/docker"),
            "--home",
            temp.resolve("home").toString());

    assertEquals(0, result.code(), result.out() + result.err());
    assertTrue(
        result
            .out()
            .contains(
                "warn  engine: /nonexistent/docker (SHIPRUN_CONTAINER_CLI) not found, so container"
                    + " TASKs cannot run (host TASKs can): "),
        result.out());
  }

  @Test
  void aDockerClientWithoutADaemonSaysSo() throws Exception {
    Optional<Path> docker = onPath("docker").filter(DoctorProcessTest::realDockerClient);
    Assumptions.assumeTrue(docker.isPresent(), "no docker client (not podman's wrapper) here");
    Path socket = temp.resolve("no-daemon.sock");

    Result result =
        doctor(
            Map.of("DOCKER_HOST", "unix://" + socket),
            "--home",
            temp.resolve("home").toString(),
            "--container-cli",
            docker.get().toString());

    assertEquals(0, result.code(), result.out() + result.err());
    String engine =
        result.out().lines().filter(l -> l.startsWith("warn  engine: ")).findFirst().orElse("");
    assertTrue(engine.contains(" is a docker client without a daemon (Cannot connect"), engine);
    assertTrue(engine.contains(": start the Docker daemon, or use podman: "), engine);
    assertTrue(engine.contains("--container-cli podman or SHIPRUN_CONTAINER_CLI=podman"), engine);
  }

  /** A docker command that is Docker's own client, not podman-docker's script. */
  private static boolean realDockerClient(Path docker) {
    try {
      return !Files.readString(docker, StandardCharsets.ISO_8859_1)
          .contains("exec /usr/bin/podman");
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static Optional<Path> onPath(String program) {
    return Stream.of(System.getenv("PATH").split(File.pathSeparator))
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Runs {@code shiprun doctor ARGS} with this JVM's environment and {@code env} over it. */
  private Result doctor(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(PackagedJar.java());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dshiprun.quick-commands=true");
    command.add("dev.shiprun.runner.cli.boot.ShiprunMain");
    command.add("doctor");
    command.addAll(List.of(args));
    Path out = temp.resolve("doctor.out");
    Path err = temp.resolve("doctor.err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("SHIPRUN_HOME");
    builder.environment().remove("SHIPRUN_CONTAINER_CLI");
    builder.environment().putAll(env);
    Process process = builder.start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "shiprun doctor did not end");
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
