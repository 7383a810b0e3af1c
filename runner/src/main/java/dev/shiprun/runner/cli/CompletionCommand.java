package dev.shiprun.runner.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun completion}: picocli's generated bash completion script (zsh loads it through
 * {@code bashcompinit}). The same as {@link AutoComplete.GenerateCompletion}, under a shorter,
 * visible name.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a bash/zsh completion script for shiprun.",
      "bash:  source <(shiprun completion)",
      "zsh:   autoload -U +X bashcompinit && bashcompinit && source <(shiprun completion)"
    })
public class CompletionCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
  }
}
