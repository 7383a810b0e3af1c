package dev.shiprun.runner.cli;

import dev.shiprun.runner.secrets.IntegrationStore;
import dev.shiprun.runner.secrets.IntegrationStoreException;
import dev.shiprun.runner.secrets.MasterKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** The integration store of a home, with the master key the caller's environment gives. */
public class IntegrationStores {

  private final ShiprunHome home;
  private final CallerEnvironment environment;
  private final HomePlugins plugins;

  public IntegrationStores(ShiprunHome home, CallerEnvironment environment, HomePlugins plugins) {
    this.home = home;
    this.environment = environment;
    this.plugins = plugins;
  }

  public IntegrationStore of(Optional<Path> homeOption) {
    return of(home.resolve(homeOption));
  }

  public IntegrationStore of(Path homeDir) {
    return new IntegrationStore(
        homeDir,
        Optional.ofNullable(environment.variables().get(MasterKey.ENVIRONMENT)),
        plugins.of(homeDir).integrationTypes());
  }

  /** Runs {@code work}; a store problem is one line on stderr and exit code 1. */
  public static int with(
      CommandSpec spec,
      String command,
      IntegrationStore store,
      Function<IntegrationStore, Integer> work) {
    try {
      return work.apply(store);
    } catch (IntegrationStoreException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("shiprun integration " + command + ": " + e.getMessage());
      err.flush();
      return ExitCode.FAILED.code();
    }
  }
}
