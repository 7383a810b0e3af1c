package dev.shiprun.runner.cli;

import dev.shiprun.runner.cli.integration.SecretInput;
import dev.shiprun.runner.secrets.IntegrationInputException;
import dev.shiprun.runner.secrets.IntegrationStoreException;
import dev.shiprun.runner.secrets.SecurePairs;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun encrypt}: {@code KEY=value} pairs from stdin or a prompt, printed as a {@code
 * secure:} blob that this home opens at run time.
 */
@Command(
    name = "encrypt",
    mixinStandardHelpOptions = true,
    description = {
      "Encrypts KEY=value pairs into a value for 'secure:' in a params resource.",
      "Reads one KEY=value a line from stdin; at a terminal, from a prompt that does",
      "not echo (an empty line ends). Never from an argument: it would show in ps",
      "and in your shell's history. Prints shiprun:v1:…, which shiprun decrypts when",
      "a job runs, with this home's key (rotate-key keeps it working); every value",
      "is masked in job output."
    },
    footer = {
      "",
      "Example: printf 'DEPLOY_TOKEN=%%s\\n' \"$TOKEN\" | shiprun encrypt",
      "",
      "Exit codes: 0 printed, 1 the store could not be used, 2 usage error."
    })
public class EncryptCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  /** Taken only to be refused with the reason: a value on the command line leaks. */
  @Parameters(arity = "0..*", hidden = true)
  List<String> arguments = new ArrayList<>();

  private final IntegrationStores stores;

  public EncryptCommand(IntegrationStores stores) {
    this.stores = stores;
  }

  @Override
  public Integer call() {
    if (!arguments.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "takes no argument (the one given is not repeated here): a value on the command"
              + " line shows in ps and your shell's history; give KEY=value lines on stdin, e.g."
              + " printf 'KEY=%s\\n' \"$VALUE\" | shiprun encrypt, or at the prompt");
    }
    PrintWriter err = spec.commandLine().getErr();
    String text;
    try {
      text =
          SecretInput.read(
              "KEY=value pairs to encrypt, one a line (not shown); an empty line ends:", err);
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "the pairs could not be read: " + e.getMessage());
    }
    Map<String, String> pairs;
    try {
      pairs = SecurePairs.parse(text);
    } catch (IntegrationInputException e) {
      throw new ParameterException(spec.commandLine(), "the input's " + e.getMessage());
    }
    if (pairs.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "no KEY=value pair was given; write them on stdin, one a line, e.g."
              + " printf 'KEY=%s\\n' \"$VALUE\" | shiprun encrypt");
    }
    String blob;
    try {
      blob = stores.of(homeOptions.home).encrypt(SecurePairs.format(pairs));
    } catch (IntegrationStoreException e) {
      err.println("shiprun encrypt: " + e.getMessage());
      err.flush();
      return ExitCode.FAILED.code();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(blob);
    out.flush();
    err.println(
        "encrypted "
            + String.join(", ", pairs.keySet())
            + " with this home's values key; put the line above in a params resource as"
            + " 'versionTemplate: params: secure: …'");
    err.flush();
    return ExitCode.OK.code();
  }
}
