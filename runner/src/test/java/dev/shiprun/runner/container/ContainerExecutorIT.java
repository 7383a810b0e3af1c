package dev.shiprun.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.exec.ExecOptions;
import dev.shiprun.runner.exec.HostExecutor;
import dev.shiprun.runner.exec.ProcessLauncher;
import dev.shiprun.runner.exec.ProcessTreeKiller;
import dev.shiprun.runner.registry.TestRegistry;
import dev.shiprun.spi.CancelSignal;
import dev.shiprun.spi.ContainerRequest;
import dev.shiprun.spi.ContainerRequest.RegistryGrant;
import dev.shiprun.spi.Execution;
import dev.shiprun.spi.ExecutionOutcome;
import dev.shiprun.spi.Script;
import dev.shiprun.spi.ScriptOutput.Stream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container executor with real podman (settings of the test's own) and a tiny image made
 * without network: what a script sees inside, how it ends, and that a stopped one leaves nothing.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerExecutorIT {

  private static final String IMAGE_NAME = "localhost/shiprun-test/mini";
  private static final Map<String, String> PATH_ONLY = Map.of("PATH", "/usr/bin:/bin");

  @TempDir Path build;
  @TempDir Path readOnly;

  private PodmanSandbox podman;
  private ContainerExecutor executor;
  private final String mark = "cexec-it-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  void makeTheImage(@TempDir Path engineFolder) throws IOException, InterruptedException {
    podman = PodmanSandbox.create(engineFolder);
    podman.importMiniImage();
    executor = executor(Optional.of("podman"));
  }

  @AfterAll
  void removeTheStorage() throws IOException, InterruptedException {
    podman.remove();
  }

  @Test
  void streamsTheOutputAndTheEnvironmentArrivesWhole() throws Exception {
    Path folder = Files.createDirectories(build.resolve("stream"));
    Map<String, String> env =
        Map.of(
            "PATH", "/bin",
            "OUT", folder.toString(),
            "SPACES", "  a value  with spaces ",
            "QUOTES", "it's \"quoted\" $HOME `x` \\n",
            "LINES", "first line\nsecond line\n");
    Script script =
        Script.of(
            List.of(
                "printf '%s' \"$SPACES\" > \"$OUT/spaces\"",
                "printf '%s' \"$QUOTES\" > \"$OUT/quotes\"",
                "printf '%s' \"$LINES\" > \"$OUT/lines\"",
                "echo first",
                "while [ ! -e \"$OUT/go\" ]; do sleep 0.05; done",
                "echo second"));
    CollectedOutput out = new CollectedOutput();
    CompletableFuture<ExecutionOutcome> outcome =
        CompletableFuture.supplyAsync(
            () ->
                executor.run(execution(folder, script, env, request(List.of()), out, () -> false)));

    out.awaiting("first").get(60, TimeUnit.SECONDS);
    assertFalse(out.text(Stream.STDOUT).contains("second"), "the output came before the end");
    Files.createFile(folder.resolve("go"));

    assertInstanceOf(ExecutionOutcome.Succeeded.class, outcome.get(60, TimeUnit.SECONDS));
    assertEquals("first\nsecond\n", out.text(Stream.STDOUT));
    for (String name : List.of("SPACES", "QUOTES", "LINES")) {
      assertEquals(env.get(name), read(folder.resolve(name.toLowerCase())), name);
    }
    try (var left = Files.list(folder.resolve("scripts"))) {
      assertTrue(left.noneMatch(f -> f.toString().endsWith(".env")), "the env file is removed");
    }
  }

  @Test
  void aFailingItemFailsWithTheHostsExitCodeAndMessage() throws Exception {
    Script failing =
        new Script(
            List.of("echo one", "(exit 7)", "echo never"),
            List.of(),
            List.of("echo hook"),
            List.of());
    Script early = Script.of(List.of("echo one", "exit 0", "echo never"));
    HostExecutor host =
        new HostExecutor(
            new ProcessLauncher(
                ExecOptions.defaults(Map.of()), new ProcessTreeKiller(Duration.ofMillis(300))));

    for (Script script : List.of(failing, early)) {
      Path inContainer = Files.createTempDirectory(build, "container");
      Path onHost = Files.createTempDirectory(build, "host");
      CollectedOutput containerOut = new CollectedOutput();
      CollectedOutput hostOut = new CollectedOutput();

      ExecutionOutcome container =
          executor.run(
              execution(
                  inContainer, script, PATH_ONLY, request(List.of()), containerOut, () -> false));
      ExecutionOutcome onTheHost =
          host.run(execution(onHost, script, PATH_ONLY, request(List.of()), hostOut, () -> false));

      assertEquals(onTheHost, container);
      assertEquals(hostOut.text(Stream.STDOUT), containerOut.text(Stream.STDOUT));
    }
    CollectedOutput out = new CollectedOutput();
    ExecutionOutcome failed =
        executor.run(execution(build, failing, PATH_ONLY, request(List.of()), out, () -> false));
    assertEquals(
        new ExecutionOutcome.Failed(7, "script item 2 of 3 failed with exit code 7", List.of()),
        failed);
    assertEquals("one\nhook\n", out.text(Stream.STDOUT));
  }

  @Test
  void theBuildFolderIsAtItsPathAndWritableAndAReadOnlyMountIsReadOnly() throws Exception {
    Files.writeString(readOnly.resolve("shipctl"), "tool\n");
    Path folder = Files.createDirectories(build.resolve("work"));
    Script script =
        Script.of(
            List.of(
                "pwd",
                "cat \"$RO/shipctl\"",
                "if touch \"$RO/new\" 2>/dev/null; then echo ro-writable; else echo ro-readonly; fi",
                "echo written > \"$BUILD_DIR/out.txt\"",
                "hostname"));
    Map<String, String> env =
        Map.of("PATH", "/bin", "RO", readOnly.toString(), "BUILD_DIR", folder.toString());
    CollectedOutput out = new CollectedOutput();
    ContainerRequest request =
        new ContainerRequest(
            Optional.of(IMAGE_NAME),
            "1",
            false,
            List.of("--hostname", "shiprun-box", "--network", "none"),
            List.of(build),
            List.of(readOnly),
            Optional.empty(),
            List.of());

    ExecutionOutcome outcome =
        executor.run(execution(folder, script, env, request, out, () -> false));

    assertInstanceOf(ExecutionOutcome.Succeeded.class, outcome, out.text(Stream.STDERR));
    assertEquals(folder + "\ntool\nro-readonly\nshiprun-box\n", out.text(Stream.STDOUT));
    assertEquals("written\n", read(folder.resolve("out.txt")));
    assertFalse(Files.exists(readOnly.resolve("new")));
  }

  @Test
  void anEngineThatCannotStartTheScriptIsAnErrorOfItsOwnNotTheScripts() {
    CollectedOutput out = new CollectedOutput();

    ExecutionOutcome outcome =
        executor.run(
            execution(
                build,
                Script.of(List.of("echo never")),
                PATH_ONLY,
                request(List.of("--user", "no-such-user")),
                out,
                () -> false));

    String reason = assertInstanceOf(ExecutionOutcome.Errored.class, outcome).reason();
    assertTrue(
        reason.startsWith(
            "the container of image "
                + PodmanSandbox.MINI_IMAGE
                + " could not run the script (exit code 12"),
        reason);
    assertTrue(reason.contains("no-such-user"), reason);
    assertEquals("", out.text(Stream.STDOUT));
  }

  @Test
  void aMissingImageWithoutPullIsOneClearLine() {
    ContainerRequest request =
        new ContainerRequest(
            Optional.of("localhost/shiprun-test/absent"),
            "1",
            false,
            List.of(),
            List.of(build),
            List.of(),
            Optional.empty(),
            List.of());

    ExecutionOutcome outcome =
        executor.run(
            execution(
                build,
                Script.of(List.of("true")),
                PATH_ONLY,
                request,
                new CollectedOutput(),
                () -> false));

    assertEquals(
        new ExecutionOutcome.Errored(
            "the image localhost/shiprun-test/absent:1 is not on this machine and the TASK says"
                + " 'pull: false': set 'pull: true' in its runtime.options, or pull it first"
                + " (podman pull localhost/shiprun-test/absent:1)"),
        outcome);
  }

  @Test
  void aMissingEngineIsOneLineSayingHowToGetOneOrRunOnTheHost() {
    ExecutionOutcome outcome =
        executor(Optional.of("/nonexistent"))
            .run(
                execution(
                    build,
                    Script.of(List.of("true")),
                    PATH_ONLY,
                    request(List.of()),
                    new CollectedOutput(),
                    () -> false));

    assertEquals(
        new ExecutionOutcome.Errored(
            "task_0 runs in a container and needs a container engine, but the container command"
                + " '/nonexistent' is not found: install one (apt-get install podman) or run it on"
                + " the host (runtime.container: false, or --runtime-default host)"),
        outcome);
  }

  @Test
  void theDockerCommandRunsWithTheSameArguments(@TempDir Path bin) throws Exception {
    // What Debian's podman-docker installs as /usr/bin/docker: podman under docker's name.
    Path docker = Files.writeString(bin.resolve("docker"), "#!/bin/sh\nexec podman \"$@\"\n");
    Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwx------"));
    ContainerExecutor viaDocker = executor(Optional.of(docker.toString()));
    CollectedOutput out = new CollectedOutput();
    ContainerRequest absent =
        new ContainerRequest(
            Optional.of("localhost/shiprun-test/absent"),
            "1",
            false,
            List.of(),
            List.of(build),
            List.of(),
            Optional.empty(),
            List.of());

    ExecutionOutcome ran =
        viaDocker.run(
            execution(
                build,
                Script.of(List.of("echo via docker")),
                PATH_ONLY,
                request(List.of()),
                out,
                () -> false));
    ExecutionOutcome missing =
        viaDocker.run(
            execution(
                build,
                Script.of(List.of("true")),
                PATH_ONLY,
                absent,
                new CollectedOutput(),
                () -> false));

    assertInstanceOf(ExecutionOutcome.Succeeded.class, ran, out.text(Stream.STDERR));
    assertEquals("via docker\n", out.text(Stream.STDOUT));
    assertTrue(
        ((ExecutionOutcome.Errored) missing)
            .reason()
            .endsWith("(docker pull localhost/shiprun-test/absent:1)"),
        missing.toString());
  }

  @Test
  void aTimeoutStopsTheContainerAndLeavesNothing() throws Exception {
    Path folder = Files.createDirectories(build.resolve("timeout"));
    CollectedOutput out = new CollectedOutput();
    Execution execution =
        new Execution(
            "task_0",
            Script.of(List.of("sleep 3171 &", "echo started", "sleep 3172")),
            PATH_ONLY,
            folder,
            folder.resolve("scripts"),
            out,
            Instant.now().plusSeconds(10),
            () -> false,
            mark,
            Optional.of(request(List.of())));

    ExecutionOutcome outcome = executor.run(execution);

    assertInstanceOf(ExecutionOutcome.TimedOut.class, outcome, out.text(Stream.STDERR));
    assertTrue(out.text(Stream.STDOUT).contains("started"));
    assertTrue(
        outcome.notes().get(0).startsWith("stopped container shiprun-" + mark),
        outcome.notes().toString());
    assertNothingLeft();
  }

  @Test
  void aCancelStopsTheContainerAndLeavesNothing() throws Exception {
    Path folder = Files.createDirectories(build.resolve("cancel"));
    CollectedOutput out = new CollectedOutput();
    AtomicBoolean cancelled = new AtomicBoolean();
    CancelSignal cancel = cancelled::get;
    Script script = Script.of(List.of("sleep 3171 &", "echo started", "sleep 3172"));
    CompletableFuture<ExecutionOutcome> outcome =
        CompletableFuture.supplyAsync(
            () ->
                executor.run(
                    execution(folder, script, PATH_ONLY, request(List.of()), out, cancel)));

    out.awaiting("started").get(60, TimeUnit.SECONDS);
    cancelled.set(true);

    ExecutionOutcome ended = outcome.get(90, TimeUnit.SECONDS);
    assertInstanceOf(ExecutionOutcome.Cancelled.class, ended, out.text(Stream.STDERR));
    assertFalse(ended.notes().isEmpty());
    assertNothingLeft();
  }

  @Test
  void pullsWithTheJobsAuthFileAndAWrongPasswordIsOneLineNamingTheIntegration(
      @TempDir Path registryHome) throws Exception {
    try (TestRegistry registry = TestRegistry.start(registryHome)) {
      String name = registry.hostPort() + "/shiprun/mini";
      Path rightAuth = authFile(registryHome.resolve("right"), registry, TestRegistry.PASSWORD);
      Path wrongAuth = authFile(registryHome.resolve("wrong"), registry, "made-up-Wr0ng-pass");
      podman.run(
          List.of(
              "podman",
              "push",
              "-q",
              "--authfile",
              rightAuth.toString(),
              "--tls-verify=false",
              PodmanSandbox.MINI_IMAGE,
              name + ":1"));
      List<RegistryGrant> grants =
          List.of(new RegistryGrant(registry.hostPort(), "local-registry", true));
      Script script = Script.of(List.of("echo pulled and ran"));

      CollectedOutput refused = new CollectedOutput();
      ExecutionOutcome wrong =
          executor.run(
              execution(
                  build,
                  script,
                  PATH_ONLY,
                  pull(name, Optional.of(wrongAuth), grants),
                  refused,
                  () -> false));
      CollectedOutput anonymous = new CollectedOutput();
      ExecutionOutcome none =
          executor.run(
              execution(
                  build,
                  script,
                  PATH_ONLY,
                  pull(name, Optional.empty(), List.of()),
                  anonymous,
                  () -> false));
      CollectedOutput out = new CollectedOutput();
      ExecutionOutcome right =
          executor.run(
              execution(
                  build,
                  script,
                  PATH_ONLY,
                  pull(name, Optional.of(rightAuth), grants),
                  out,
                  () -> false));

      assertEquals(
          new ExecutionOutcome.Errored(
              "registry "
                  + registry.hostPort()
                  + " refused the credentials of Docker Registry"
                  + " integration 'local-registry' to pull "
                  + name
                  + ":1: fix the integration's"
                  + " username and password"),
          wrong);
      assertFalse(refused.text(Stream.STDERR).contains("made-up-Wr0ng-pass"));
      assertEquals(
          new ExecutionOutcome.Errored(
              "registry "
                  + registry.hostPort()
                  + " answers over plain HTTP and no Docker Registry integration of the job says"
                  + " so: give the job an integration for it whose url starts with http://"),
          none);
      assertInstanceOf(ExecutionOutcome.Succeeded.class, right, out.text(Stream.STDERR));
      assertEquals("pulled and ran\n", out.text(Stream.STDOUT));
      String said = out.text(Stream.STDERR);
      assertTrue(said.startsWith("shiprun: pulling " + name + ":1\n"), said);
      assertEquals(1, said.split("plain HTTP", -1).length - 1, said);
    }
  }

  /** The job's own auth file, as the registry login writes it: {@code auths} of one registry. */
  private static Path authFile(Path folder, TestRegistry registry, String password)
      throws IOException {
    Files.createDirectories(folder);
    String auth =
        Base64.getEncoder()
            .encodeToString(
                (TestRegistry.USERNAME + ":" + password).getBytes(StandardCharsets.UTF_8));
    return Files.writeString(
        folder.resolve("config.json"),
        "{\"auths\":{\"" + registry.hostPort() + "\":{\"auth\":\"" + auth + "\"}}}");
  }

  private ContainerRequest pull(String name, Optional<Path> authFile, List<RegistryGrant> grants) {
    return new ContainerRequest(
        Optional.of(name), "1", true, List.of(), List.of(build), List.of(), authFile, grants);
  }

  /** No container of this test's run, and no process naming it or the test's sleeps. */
  private void assertNothingLeft() throws IOException, InterruptedException {
    assertEquals(List.of(), podman.containers(mark));
    List<String> processes =
        ProcessHandle.allProcesses()
            .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
            .filter(line -> line.contains(mark) || line.contains("sleep 317"))
            .toList();
    assertEquals(List.of(), processes);
  }

  private ContainerExecutor executor(Optional<String> cli) {
    return new ContainerExecutor(
        new ContainerSettings(
            cli, PodmanSandbox.MINI_IMAGE, Duration.ofSeconds(1), podman.environment()));
  }

  private ContainerRequest request(List<String> options) {
    return new ContainerRequest(
        Optional.of(IMAGE_NAME),
        "1",
        false,
        options,
        List.of(build),
        List.of(),
        Optional.empty(),
        List.of());
  }

  private Execution execution(
      Path folder,
      Script script,
      Map<String, String> env,
      ContainerRequest request,
      CollectedOutput out,
      CancelSignal cancel) {
    return new Execution(
        "task_0",
        script,
        env,
        folder,
        folder.resolve("scripts"),
        out,
        Instant.now().plus(Duration.ofMinutes(2)),
        cancel,
        mark,
        Optional.of(request));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
