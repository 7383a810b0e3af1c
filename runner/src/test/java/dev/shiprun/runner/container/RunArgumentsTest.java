package dev.shiprun.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run command's arguments: the order Shippable used, no value of the environment in them. */
class RunArgumentsTest {

  @Test
  void namesRemovesMountsAndPutsTheUsersOptionsBeforeTheImage() {
    EnvironmentFile env =
        new EnvironmentFile(Path.of("/b/s/task_0.env"), Map.of("NOTE", "two\nlines"));
    RunArguments arguments =
        new RunArguments(
            "shiprun-m-task_0-1",
            Path.of("/b/s/task_0.cid"),
            "mark-1",
            env,
            List.of(Path.of("/b")),
            List.of(Path.of("/opt/shipctl")),
            Path.of("/b/work"),
            List.of("--cpus", "1", "-e", "X=1"),
            ImageReference.of("localhost/mini", "1"),
            Path.of("/b/s/task_0.sh"));

    assertEquals(
        List.of(
            "run",
            "--pull=never",
            "--rm",
            "--name",
            "shiprun-m-task_0-1",
            "--cidfile",
            "/b/s/task_0.cid",
            "--label",
            "dev.shiprun.run=mark-1",
            "--env-file",
            "/b/s/task_0.env",
            "--env",
            "NOTE",
            "-v",
            "/b:/b",
            "-v",
            "/opt/shipctl:/opt/shipctl:ro",
            "-w",
            "/b/work",
            "--cpus",
            "1",
            "-e",
            "X=1",
            "localhost/mini:1",
            "bash",
            "/b/s/task_0.sh"),
        arguments.toList());
  }
}
