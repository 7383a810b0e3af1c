package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding an executor is one class and a services entry: the test-only {@code testSandbox}
 * (runner/src/test/resources/META-INF/services), chosen with {@code --runtime-default}, runs every
 * script that does not say where it runs, and is told the container each asks for, its image
 * expanded from the job's variables.
 */
@QuarkusMainTest
class RunExecutorPluginTest {

  private static final String LINE = "src/test/resources/fixtures/run/executor";
  private static final String INTEGRATIONS = LINE + "/integrations.yml";

  @TempDir Path home;

  @Test
  void scriptsRunThroughTheNodesDefaultExecutorWithTheirContainer(QuarkusMainLauncher launcher)
      throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);

    RunHarness.Summary run =
        shiprun.run(
            LINE,
            "--integrations",
            INTEGRATIONS,
            "--job",
            "build",
            "--runtime-default",
            "testSandbox",
            "--default-image",
            "localhost/mini:1");
    assertEquals(0, run.exitCode(), run.describe());
    String log = shiprun.log(run.runId("build"));

    // Where each script runs, said as it starts.
    assertTrue(
        log.contains("on_start started on executor 'testSandbox', image localhost/mini:1"), log);
    assertTrue(
        log.contains(
            "TASK 'compile' started on executor 'testSandbox', image"
                + " 127.0.0.1:5000/team/app:1.4.2"),
        "the image of the IN image resource's version: " + log);
    assertTrue(
        log.contains("TASK 'plain' started on executor 'testSandbox', image localhost/mini:1"),
        log);
    assertTrue(log.contains("TASK 'local' started on the host"), log);

    // What the executor was asked for: the expanded image, the split options, the build folder
    // and shipctl's folder, the job's auth file with the logins of its integrations list and of
    // its image resource (plain HTTP for an http:// registry).
    Path builds = home.resolve("builds");
    String registries =
        "registries=[docker.io via hub-creds, 127.0.0.1:5000 via local-reg over http]";
    assertTrue(
        log.contains(
            "testSandbox: image=127.0.0.1:5000/team/app tag=1.4.2 pull=false"
                + " options=[--memory, 512m, -e, GREETING=hello world] mounts=["
                + builds),
        log);
    assertTrue(log.contains(" readOnly=[" + home.resolve("bin") + "] authFile=present"), log);
    assertTrue(log.contains(registries), log);
    assertTrue(
        log.contains("testSandbox: image=(default) tag=latest pull=true options=[] mounts=["),
        "the node's default image for a TASK that names none: " + log);
    assertEquals(3, log.split("testSandbox: image=", -1).length - 1, "on_start, compile, plain");

    // The scripts ran, and each knows whether it is in a container.
    assertTrue(log.contains("on_start ran"), log);
    assertTrue(log.contains("compile in container=true"), log);
    assertTrue(log.contains("plain in container=true"), log);
    assertTrue(log.contains("local in container=false"), log);
    // A container script knows its image, whether it is pulled and the user's options.
    assertTrue(
        log.contains(
            "compile image=127.0.0.1:5000/team/app:1.4.2 pull=false"
                + " options=--memory 512m -e 'GREETING=hello world'"),
        log);
    assertTrue(log.contains("plain image=localhost/mini:1"), log);
    assertTrue(log.contains("local image=unset"), log);
    assertFalse(log.contains("made-up-hub-pass") || log.contains("made-up-local-pass"), log);
  }

  @Test
  void anImageNameThatExpandsToNothingIsAnErrorNamingTheTask(QuarkusMainLauncher launcher)
      throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);

    RunHarness.Summary run =
        shiprun.run(LINE, "--integrations", INTEGRATIONS, "--job", "unnamed-image");
    assertEquals(1, run.exitCode(), run.describe());
    assertEquals("error", run.run("unnamed-image").get("status").asText(), run.describe());
    String log = shiprun.log(run.runId("unnamed-image"));
    assertTrue(
        log.contains(
            "TASK 'lost': runtime.options.imageName '${NO_SUCH_VARIABLE}' is empty once the job's"
                + " variables are expanded"),
        log);
    assertFalse(log.contains("never runs"), "nothing ran: " + log);
  }

  @Test
  void anUnknownRuntimeDefaultIsAUsageErrorNamingTheExecutors(QuarkusMainLauncher launcher) {
    LaunchResult result =
        launcher.launch(
            "run",
            LINE,
            "--integrations",
            INTEGRATIONS,
            "--home",
            home.toString(),
            "--runtime-default",
            "kubernetes");
    assertEquals(2, result.exitCode(), result.getErrorOutput());
    assertTrue(
        result
            .getErrorOutput()
            .startsWith(
                "shiprun run: --runtime-default 'kubernetes' names no executor; the executors"
                    + " here are host, container, testSandbox"),
        result.getErrorOutput());
    assertTrue(result.getOutput().isEmpty(), result.getOutput());
    assertFalse(home.resolve("builds").toFile().exists(), "nothing ran");
  }
}
