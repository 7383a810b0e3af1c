package dev.shiprun.runner.cli.integration;

import dev.shiprun.runner.cli.CallerEnvironment;
import dev.shiprun.runner.cli.ExitCode;
import dev.shiprun.runner.cli.HomeOptions;
import dev.shiprun.runner.cli.IntegrationStores;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shiprun integration rotate-key}: every secret re-encrypted under a new master key. */
@Command(
    name = "rotate-key",
    mixinStandardHelpOptions = true,
    description = {
      "Re-encrypts every stored secret under a new master key.",
      "With a key file, a new one replaces it. With $SHIPRUN_MASTER_KEY, give the new key",
      "in $SHIPRUN_NEW_MASTER_KEY (base64 of 32 bytes), then set SHIPRUN_MASTER_KEY to it."
    },
    footer = {"", "Exit codes: 0 rotated, 1 the store could not be used."})
public class IntegrationRotateKeyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  private final IntegrationStores stores;
  private final CallerEnvironment environment;

  public IntegrationRotateKeyCommand(IntegrationStores stores, CallerEnvironment environment) {
    this.stores = stores;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    return IntegrationStores.with(
        spec,
        "rotate-key",
        stores.of(homeOptions.home),
        store -> {
          int n =
              store.rotate(
                  Optional.ofNullable(environment.variables().get("SHIPRUN_NEW_MASTER_KEY")));
          PrintWriter out = spec.commandLine().getOut();
          out.println(
              "re-encrypted "
                  + n
                  + (n == 1 ? " integration" : " integrations")
                  + (store.holdsValuesKey()
                      ? " and the key of the values 'shiprun encrypt' made (their blobs still"
                          + " open)"
                      : "")
                  + " under a new master key");
          out.flush();
          return ExitCode.OK.code();
        });
  }
}
