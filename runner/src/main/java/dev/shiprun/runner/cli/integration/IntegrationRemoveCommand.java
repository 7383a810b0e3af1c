package dev.shiprun.runner.cli.integration;

import dev.shiprun.runner.cli.ExitCode;
import dev.shiprun.runner.cli.HomeOptions;
import dev.shiprun.runner.cli.IntegrationStores;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shiprun integration remove NAME}. */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = "Removes a stored integration.",
    footer = {"", "Exit codes: 0 removed, 1 no such integration or the store could not be used."})
public class IntegrationRemoveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Parameters(paramLabel = "NAME", description = "The integration's name.")
  String name;

  private final IntegrationStores stores;

  public IntegrationRemoveCommand(IntegrationStores stores) {
    this.stores = stores;
  }

  @Override
  public Integer call() {
    return IntegrationStores.with(
        spec,
        "remove",
        stores.of(homeOptions.home),
        store -> {
          if (!store.remove(name)) {
            throw store.noSuch(name);
          }
          PrintWriter out = spec.commandLine().getOut();
          out.println("removed integration '" + name + "'");
          out.flush();
          return ExitCode.OK.code();
        });
  }
}
