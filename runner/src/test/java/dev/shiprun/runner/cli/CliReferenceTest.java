package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/cli.md holds every command's help text: each {@code ## shiprun …} section's {@code text}
 * block must be what {@code shiprun … --help} prints, so the reference never drifts from the CLI.
 */
@QuarkusMainTest
class CliReferenceTest {

  @Test
  void everyHelpBlockIsTheRealHelp(QuarkusMainLauncher launcher) throws Exception {
    String doc = Files.readString(Path.of("../docs/cli.md"), StandardCharsets.UTF_8);
    List<String> checked = new ArrayList<>();
    int at = doc.indexOf("\n## shiprun");
    while (at >= 0) {
      int end = doc.indexOf('\n', at + 1);
      String command = doc.substring(at + "\n## shiprun".length(), end).strip();
      int open = doc.indexOf("```text\n", end) + "```text\n".length();
      int close = doc.indexOf("```", open);
      List<String> args =
          new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
      args.add("--help");
      LaunchResult help = launcher.launch(args.toArray(String[]::new));
      assertEquals(0, help.exitCode(), command + ": " + help.getErrorOutput());
      assertEquals(
          help.getOutput().strip(),
          doc.substring(open, close).strip(),
          "docs/cli.md, '## shiprun " + command + "': regenerate it from the real --help");
      checked.add(command);
      at = doc.indexOf("\n## shiprun", close);
    }
    assertTrue(
        checked.contains("run") && checked.contains("integration import"), checked.toString());
  }
}
