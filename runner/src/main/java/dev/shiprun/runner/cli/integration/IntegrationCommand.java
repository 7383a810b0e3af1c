package dev.shiprun.runner.cli.integration;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shiprun integration …}: the home's encrypted account integrations. */
@Command(
    name = "integration",
    mixinStandardHelpOptions = true,
    description = {
      "Keeps account integrations in the home, secrets encrypted.",
      "AES-256-GCM under the home's master key (<home>/master.key, or $SHIPRUN_MASTER_KEY).",
      "'run' and 'plan' use them; --integrations FILE entries win over stored ones."
    },
    subcommands = {
      IntegrationAddCommand.class,
      IntegrationListCommand.class,
      IntegrationShowCommand.class,
      IntegrationRemoveCommand.class,
      IntegrationImportCommand.class,
      IntegrationRotateKeyCommand.class,
      IntegrationTestCommand.class
    })
public class IntegrationCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "no integration command given; the commands are "
            + String.join(", ", spec.subcommands().keySet()));
  }
}
