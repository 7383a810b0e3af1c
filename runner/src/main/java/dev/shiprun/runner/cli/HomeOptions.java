package dev.shiprun.runner.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --home DIR}, shared by the commands that use the store. */
public class HomeOptions {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "Where shiprun keeps its store, builds and logs."
              + " Default: $SHIPRUN_HOME, else $HOME/.shiprun.")
  public Optional<Path> home = Optional.empty();
}
