package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.exec.Containment;
import dev.shiprun.runner.exec.ContainmentProbe;
import dev.shiprun.runner.exec.ExecOptions;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shiprun doctor}: one line per check, the containment as the probe finds it. */
@QuarkusMainTest
class DoctorCommandTest {

  @TempDir Path temp;

  @Test
  void reportsEveryCheckOnALineOfItsOwn(QuarkusMainLauncher launcher) {
    Path home = temp.resolve("home");

    LaunchResult result = launcher.launch("doctor", "--home", home.toString());

    assertEquals(0, result.exitCode(), result.getOutput() + result.getErrorOutput());
    List<String> lines = result.getOutput().lines().toList();
    assertEquals(
        List.of("processes", "bash", "setsid", "containment", "jq", "git", "home"),
        lines.stream().map(l -> l.substring(6, l.indexOf(':'))).toList(),
        result.getOutput());
    for (String line : lines) {
      assertTrue(line.matches("(ok   |warn |fail ) \\S.*"), line);
    }
    Containment containment = new ContainmentProbe(ExecOptions.defaults(System.getenv())).detect();
    assertEquals(
        (containment.holdsEscapees() ? "ok    " : "warn  ") + containment.describe(), lines.get(3));
    assertEquals(
        "ok    home: " + home + " (made by the first command that needs it)", lines.get(6));
    assertTrue(lines.get(1).startsWith("ok    bash: /"), lines.get(1));
  }

  @Test
  void aHomeThatCannotBeMadeFailsTheCheck(QuarkusMainLauncher launcher) throws Exception {
    Path file = Files.writeString(temp.resolve("file"), "not a folder");
    Path home = file.resolve("home");

    LaunchResult result = launcher.launch("doctor", "--home", home.toString());

    assertEquals(1, result.exitCode(), result.getOutput());
    assertTrue(
        result
            .getOutput()
            .contains(
                "fail  home: "
                    + home
                    + " cannot be made ("
                    + file
                    + " is not a writable folder): choose another with --home or SHIPRUN_HOME"),
        result.getOutput());
  }
}
