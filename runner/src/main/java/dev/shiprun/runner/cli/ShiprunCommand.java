package dev.shiprun.runner.cli;

import dev.shiprun.runner.cli.integration.IntegrationCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shiprun}: the top command. Each subcommand is one class, listed once below. */
@Command(
    name = "shiprun",
    mixinStandardHelpOptions = true,
    versionProvider = ShiprunVersion.class,
    description = "Runs Shippable-style Assembly Lines on this machine.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {
      "",
      "Exit codes: 0 ok, 1 a job failed or the pipeline is invalid, 2 usage error,"
          + " 3 internal error.",
      "Set SHIPRUN_DEBUG=1 to see stack traces of internal errors."
    })
public class ShiprunCommand implements Runnable {

  /**
   * The subcommands, in the order help lists them. Added by {@link ShiprunCommandLine}, which
   * builds only the one a command line names: picocli reflects over every command it is given, and
   * that took a third of the start-up of a one-shot command.
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ValidateCommand.class,
          GraphCommand.class,
          PlanCommand.class,
          RunCommand.class,
          TriggerCommand.class,
          VersionsCommand.class,
          RunsCommand.class,
          LogsCommand.class,
          IntegrationCommand.class,
          EncryptCommand.class,
          PluginsCommand.class,
          DaemonCommand.class,
          DoctorCommand.class,
          CompletionCommand.class,
          ManPagesCommand.class);

  @Spec CommandSpec spec;

  /** {@code shiprun} alone is a usage error: say which commands there are. */
  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "no command given; the commands are " + String.join(", ", spec.subcommands().keySet()));
  }
}
