package dev.shiprun.runner.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun man-pages --dir DIR}: writes one man page per command, generated from the same
 * picocli model as help and completion. Hidden: the build runs it for the distribution's
 * share/man/man1 (runner/pom.xml); users read the pages with {@code man shiprun-run}.
 */
@Command(
    name = "man-pages",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Writes the man pages (section 1) of every shiprun command into a folder.")
public class ManPagesCommand implements Callable<Integer> {

  private final ShiprunVersion version;

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      required = true,
      paramLabel = "DIR",
      description = "The folder to write shiprun.1, shiprun-run.1, … into (made if missing).")
  Path dir;

  public ManPagesCommand(ShiprunVersion version) {
    this.version = version;
  }

  @Override
  public Integer call() throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "cannot make --dir " + dir + " (" + e.getMessage() + ")");
    }
    Deque<CommandSpec> todo = new ArrayDeque<>();
    todo.add(spec.root());
    int written = 0;
    while (!todo.isEmpty()) {
      CommandSpec command = todo.removeFirst();
      if (command.usageMessage().hidden()) {
        continue;
      }
      ManPage page = new ManPage(command, version.version());
      Files.writeString(dir.resolve(page.fileName()), page.render(), StandardCharsets.UTF_8);
      written++;
      for (CommandLine sub : command.subcommands().values()) {
        if (!todo.contains(sub.getCommandSpec())) {
          todo.add(sub.getCommandSpec());
        }
      }
    }
    spec.commandLine().getOut().println("man-pages: " + written + " pages in " + dir);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
