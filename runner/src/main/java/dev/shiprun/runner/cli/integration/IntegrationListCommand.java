package dev.shiprun.runner.cli.integration;

import dev.shiprun.runner.cli.ExitCode;
import dev.shiprun.runner.cli.HomeOptions;
import dev.shiprun.runner.cli.IntegrationStores;
import dev.shiprun.runner.cli.OutputOption;
import dev.shiprun.runner.cli.StoreCommands;
import dev.shiprun.runner.secrets.IntegrationStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shiprun integration list}: the stored integrations, secrets as {@code ***}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the stored integrations: name, type and plain fields; secrets as ***.",
    footer = {"", "Exit codes: 0 ok, 1 the store could not be read, 2 usage error."})
public class IntegrationListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Mixin OutputOption output = new OutputOption();

  private final IntegrationStores stores;

  public IntegrationListCommand(IntegrationStores stores) {
    this.stores = stores;
  }

  @Override
  public Integer call() {
    return IntegrationStores.with(
        spec,
        "list",
        stores.of(homeOptions.home),
        store -> {
          PrintWriter out = spec.commandLine().getOut();
          Map<String, IntegrationStore.Described> all = store.describe();
          if (output.json()) {
            List<Object> rows = new ArrayList<>();
            all.values().forEach(d -> rows.add(row(d)));
            out.println(StoreCommands.json(rows));
          } else if (all.isEmpty()) {
            out.println("no integrations stored in " + store.file());
          } else {
            int width = all.keySet().stream().mapToInt(String::length).max().orElse(4);
            for (IntegrationStore.Described d : all.values()) {
              out.printf("%-" + Math.max(4, width) + "s  %-20s  %s%n", d.name(), d.type(), text(d));
            }
          }
          out.flush();
          return ExitCode.OK.code();
        });
  }

  static Map<String, Object> row(IntegrationStore.Described d) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", d.name());
    row.put("type", d.type());
    row.put("fields", d.fields());
    return row;
  }

  static String text(IntegrationStore.Described d) {
    List<String> parts = new ArrayList<>();
    d.fields().forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(" ", parts);
  }
}
