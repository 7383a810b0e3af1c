package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
class ShiprunCommandTest {

  @Test
  @Launch("--version")
  void printsVersionAndJava(LaunchResult result) {
    assertTrue(result.getOutput().startsWith("shiprun "), result.getOutput());
    assertTrue(result.getOutput().contains("java " + System.getProperty("java.version")));
  }

  @Test
  @Launch("--help")
  void listsCommandsInHelp(LaunchResult result) {
    for (String command :
        new String[] {
          "validate",
          "graph",
          "plan",
          "run",
          "trigger",
          "versions",
          "runs",
          "logs",
          "daemon",
          "doctor",
          "completion"
        }) {
      assertTrue(
          result.getOutput().contains("\n  " + command + " "), command + ": " + result.getOutput());
    }
  }

  @Test
  @Launch("completion")
  void printsCompletionScript(LaunchResult result) {
    assertTrue(result.getOutput().contains("complete -F"), result.getOutput());
    // The script covers every command, although a one-shot command builds only its own.
    for (String command : new String[] {"validate", "plan", "run", "versions", "runs", "logs"}) {
      assertTrue(result.getOutput().contains(command), command);
    }
    assertTrue(result.getOutput().contains("--keep-workspace"), "run's options are completed");
  }

  @Test
  @Launch(
      value = {},
      exitCode = 2)
  void asksForCommandWhenNoneIsGiven(LaunchResult result) {
    assertTrue(
        result.getErrorOutput().contains("shiprun: no command given; the commands are validate"),
        result.getErrorOutput());
    assertTrue(result.getErrorOutput().contains("try 'shiprun --help'"));
  }

  @Test
  @Launch(
      value = {"valdate"},
      exitCode = 2)
  void suggestsCommandForTypo(LaunchResult result) {
    String err = result.getErrorOutput();
    assertTrue(err.contains("shiprun: unknown command 'valdate'"), err);
    assertTrue(err.contains("hint: did you mean 'validate'?"), err);
    assertEquals(3, err.strip().lines().count(), err);
  }
}
