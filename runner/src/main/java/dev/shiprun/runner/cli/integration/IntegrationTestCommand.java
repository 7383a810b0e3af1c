package dev.shiprun.runner.cli.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.runner.cli.ExitCode;
import dev.shiprun.runner.cli.HomeOptions;
import dev.shiprun.runner.cli.IntegrationStores;
import dev.shiprun.runner.registry.ProbeResult;
import dev.shiprun.runner.registry.RegistryLogin;
import dev.shiprun.runner.registry.RegistryProbe;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun integration test NAME}: checks a stored Docker Registry integration's credentials
 * against the registry's HTTP API v2 and says what it found.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a Docker Registry integration's credentials against its registry.",
      "API v2: the /v2/ ping, then Basic or Bearer-token auth as the registry asks. Says one",
      "of: authenticated, wrong username or password, registry unreachable, TLS problem,",
      "not a registry."
    },
    footer = {
      "",
      "Exit codes: 0 authenticated, 1 anything else (the line says what), 2 usage error."
    })
public class IntegrationTestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Parameters(paramLabel = "NAME", description = "The integration's name.")
  String name;

  @Option(
      names = "--insecure",
      description =
          "Allow plain http and self-signed or otherwise unverified certificates (local"
              + " registries).")
  boolean insecure;

  private final IntegrationStores stores;

  public IntegrationTestCommand(IntegrationStores stores) {
    this.stores = stores;
  }

  @Override
  public Integer call() {
    return IntegrationStores.with(
        spec,
        "test",
        stores.of(homeOptions.home),
        store -> {
          PrintWriter out = spec.commandLine().getOut();
          PrintWriter err = spec.commandLine().getErr();
          Integration integration = store.load().get(name);
          if (integration == null) {
            throw store.noSuch(name);
          }
          if (!integration.type().equals(IntegrationTypes.DOCKER_REGISTRY)) {
            err.println(
                "shiprun integration test: '"
                    + name
                    + "' is a "
                    + integration.type().masterName()
                    + " integration; test checks "
                    + IntegrationTypes.DOCKER_REGISTRY.masterName()
                    + " integrations");
            err.flush();
            return ExitCode.FAILED.code();
          }
          RegistryLogin login;
          try {
            login = RegistryLogin.of(integration);
          } catch (IllegalArgumentException e) {
            err.println("shiprun integration test: " + e.getMessage());
            err.flush();
            return ExitCode.FAILED.code();
          }
          ProbeResult result =
              new RegistryProbe(
                      RegistryProbe.Options.defaults().withInsecure(insecure), new ObjectMapper())
                  .probe(login);
          out.println(name + ": " + result.message());
          out.flush();
          return result.authenticated() ? ExitCode.OK.code() : ExitCode.FAILED.code();
        });
  }
}
