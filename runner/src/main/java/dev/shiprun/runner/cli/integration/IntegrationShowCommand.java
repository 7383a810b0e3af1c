package dev.shiprun.runner.cli.integration;

import dev.shiprun.runner.cli.ExitCode;
import dev.shiprun.runner.cli.HomeOptions;
import dev.shiprun.runner.cli.IntegrationStores;
import dev.shiprun.runner.cli.OutputOption;
import dev.shiprun.runner.cli.StoreCommands;
import dev.shiprun.runner.secrets.IntegrationStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shiprun integration show NAME}: one stored integration, secrets as {@code ***}. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Shows one stored integration: its type and fields, secrets as ***.",
    footer = {"", "Exit codes: 0 ok, 1 no such integration or the store could not be read."})
public class IntegrationShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Parameters(paramLabel = "NAME", description = "The integration's name.")
  String name;

  @Mixin OutputOption output = new OutputOption();

  private final IntegrationStores stores;

  public IntegrationShowCommand(IntegrationStores stores) {
    this.stores = stores;
  }

  @Override
  public Integer call() {
    return IntegrationStores.with(
        spec,
        "show",
        stores.of(homeOptions.home),
        store -> {
          IntegrationStore.Described d = store.describe().get(name);
          if (d == null) {
            throw store.noSuch(name);
          }
          PrintWriter out = spec.commandLine().getOut();
          if (output.json()) {
            out.println(StoreCommands.json(IntegrationListCommand.row(d)));
          } else {
            out.println("name: " + d.name());
            out.println("type: " + d.type());
            d.fields().forEach((k, v) -> out.println(k + ": " + v));
          }
          out.flush();
          return ExitCode.OK.code();
        });
  }
}
