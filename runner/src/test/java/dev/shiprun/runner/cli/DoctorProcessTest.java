package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.registry.Skopeo;
import dev.shiprun.runner.registry.TestImage;
import dev.shiprun.runner.registry.TestRegistry;
import dev.shiprun.runner.registry.Tool;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shiprun doctor} as a process of its own (from the test class path), so the checks see the
 * environment it is given: the PATH jobs get, {@code SHIPRUN_CONTAINER_CLI}.
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

  @Test
  void theDefaultImageIsFoundLocallyAndAtItsRegistry() throws Exception {
    Optional<Path> podman = onPath("podman");
    PackagedJar.require(podman.isPresent(), "podman");
    try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"))) {
      TestImage layout = TestImage.write(temp.resolve("layout"), "1");
      String image = registry.hostPort() + "/doctor/app:1";
      Tool.Result pushed =
          new Skopeo(temp.resolve("skopeo"))
              .run(
                  Map.of(),
                  "copy",
                  "--dest-tls-verify=false",
                  "--dest-creds",
                  TestRegistry.USERNAME + ":" + TestRegistry.PASSWORD,
                  "oci:" + layout.layout() + ":1",
                  "docker://" + image);
      assertTrue(pushed.ok(), pushed.output());
      Map<String, String> engine = podmanSettings(registry.hostPort());
      Path home = temp.resolve("home");
      String[] args = {
        "--home", home.toString(), "--container-cli", "podman", "--default-image", image
      };

      Map<String, String> anonymous = new HashMap<>(engine);
      anonymous.put(
          "REGISTRY_AUTH_FILE",
          Files.writeString(temp.resolve("no-logins.json"), "{\"auths\":{}}").toString());
      Result refused = doctor(anonymous, concat(args, "--pull-check"));

      assertEquals(0, refused.code(), refused.out() + refused.err());
      String pull = line(refused, "warn  image pull: ");
      assertTrue(pull.startsWith("warn  image pull: " + image + " does not pull ("), pull);
      assertTrue(pull.contains("authentication required"), pull);
      assertTrue(
          pull.endsWith(
              "): check the name and the network, or log in to the registry: podman login "
                  + registry.hostPort()),
          pull);

      Result pulled = doctor(engine, concat(args, "--pull-check"));

      assertEquals(0, pulled.code(), pulled.out() + pulled.err());
      assertTrue(
          pulled.out().contains("ok    engine: " + podman.get() + " (podman version "),
          pulled.out());
      assertTrue(
          pulled
              .out()
              .contains(
                  "ok    engine storage: driver vfs in "
                      + temp.resolve("graphroot")
                      + ", runtime runc, cgroup manager cgroupfs"),
          pulled.out());
      assertEquals(
          "warn  image: "
              + image
              + " is not present (a container TASK that names no image pulls it first):"
              + " pull it now: podman pull "
              + image,
          line(pulled, "warn  image: "));
      assertEquals(
          "ok    image pull: " + image + " pulls from its registry",
          line(pulled, "ok    image pull: "));

      Result present = doctor(engine, args);

      assertEquals(0, present.code(), present.out() + present.err());
      assertEquals("ok    image: " + image + " is present", line(present, "ok    image: "));
      assertFalse(present.out().contains("image pull"), present.out());
      for (Result r : List.of(refused, pulled, present)) {
        assertFalse((r.out() + r.err()).contains(TestRegistry.PASSWORD), r.out());
      }
    }
  }

  private static String line(Result result, String start) {
    return result
        .out()
        .lines()
        .filter(l -> l.startsWith(start))
        .findFirst()
        .orElse("no line starts with '" + start + "' in:\n" + result.out());
  }

  /**
   * podman's settings for this test, all in its own folder: vfs storage, runc, cgroupfs, the test
   * registry as a plain-HTTP one, and the registry's login in an auth file of its own.
   */
  private Map<String, String> podmanSettings(String registry) throws Exception {
    Path containers =
        Files.writeString(
            temp.resolve("containers.conf"),
            """
            [containers]
            default_ulimits = []
            [engine]
            cgroup_manager = "cgroupfs"
            runtime = "runc"
            """);
    Path storage =
        Files.writeString(
            temp.resolve("storage.conf"),
            """
            [storage]
            driver = "vfs"
            runroot = "%s"
            graphroot = "%s"
            """
                .formatted(temp.resolve("runroot"), temp.resolve("graphroot")));
    Path registries =
        Files.writeString(
            temp.resolve("registries.conf"),
            """
            [[registry]]
            location = "%s"
            insecure = true
            """
                .formatted(registry));
    String login =
        Base64.getEncoder()
            .encodeToString(
                (TestRegistry.USERNAME + ":" + TestRegistry.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
    Path auth =
        Files.writeString(
            temp.resolve("auth.json"),
            "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + login + "\"}}}");
    Path runtime = temp.resolve("xdg-runtime");
    Files.createDirectories(
        runtime,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    return Map.of(
        "CONTAINERS_CONF", containers.toString(),
        "CONTAINERS_STORAGE_CONF", storage.toString(),
        "CONTAINERS_REGISTRIES_CONF", registries.toString(),
        "REGISTRY_AUTH_FILE", auth.toString(),
        "XDG_RUNTIME_DIR", runtime.toString(),
        "HOME", Files.createDirectories(temp.resolve("user-home")).toString());
  }

  private static String[] concat(String[] args, String... more) {
    return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
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
