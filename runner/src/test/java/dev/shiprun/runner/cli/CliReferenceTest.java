package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.cli.boot.CommandFactory;
import dev.shiprun.runner.cli.boot.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/cli.md shows the help of every command as {@code shiprun <command> --help} prints it: each
 * block must equal the real help, and every command must have one.
 */
class CliReferenceTest {

  private static final Path REFERENCE = Path.of("..", "docs", "cli.md");
  private static final Pattern SECTION =
      Pattern.compile(
          "^## (shiprun(?: [a-z-]+)*)\\n\\n```text\\n(.*?)```$",
          Pattern.MULTILINE | Pattern.DOTALL);

  /** The command line as every command line builds it: its composition root, no daemon. */
  private final ShiprunCommandLine commandLine =
      new ShiprunCommandLine(
          new CommandFactory(
              Map.of(), new Settings(Optional.empty(), false), "unknown", Optional.empty()),
          false);

  @Test
  void everyHelpBlockEqualsTheCommandsRealHelp() throws IOException {
    Map<String, String> documented = sections();
    Map<String, CommandLine> commands = new LinkedHashMap<>();
    collect(commandLine.create(), commands);
    assertEquals(
        new TreeSet<>(commands.keySet()),
        new TreeSet<>(documented.keySet()),
        "commands with a help block in docs/cli.md");
    commands.forEach(
        (name, command) ->
            assertEquals(
                command.getUsageMessage(CommandLine.Help.Ansi.OFF),
                documented.get(name),
                "docs/cli.md, '## " + name + "': regenerate it from '" + name + " --help'"));
  }

  private static Map<String, String> sections() throws IOException {
    String text = Files.readString(REFERENCE, StandardCharsets.UTF_8).replace("\r\n", "\n");
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = SECTION.matcher(text);
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    assertTrue(out.size() > 10, "docs/cli.md has too few help blocks: " + out.keySet());
    return out;
  }

  /** Every command of the tree by its full name, the hidden ones left out as help leaves them. */
  private static void collect(CommandLine command, Map<String, CommandLine> out) {
    if (command.getCommandSpec().usageMessage().hidden()) {
      return;
    }
    out.put(command.getCommandSpec().qualifiedName(), command);
    for (CommandLine sub : List.copyOf(command.getSubcommands().values())) {
      if (sub.getParent() == command) {
        collect(sub, out);
      }
    }
  }
}
