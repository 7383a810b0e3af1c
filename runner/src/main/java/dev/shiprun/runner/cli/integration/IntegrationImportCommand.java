package dev.shiprun.runner.cli.integration;

import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticRenderer;
import dev.shiprun.model.parse.IntegrationsParser;
import dev.shiprun.model.parse.IntegrationsResult;
import dev.shiprun.model.yaml.YamlLimits;
import dev.shiprun.runner.cli.CallerEnvironment;
import dev.shiprun.runner.cli.ExitCode;
import dev.shiprun.runner.cli.HomeOptions;
import dev.shiprun.runner.cli.IntegrationStores;
import dev.shiprun.runner.cli.WorkingDirectory;
import dev.shiprun.runner.secrets.IntegrationStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun integration import FILE}: stores every integration of an integrations file (the
 * {@code --integrations} format, {@code ${VAR}} read from the caller's environment), all or none.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Stores every integration of an integrations file, all or none.",
      "FILE has the format of the --integrations file of plan and run ($${VAR} reads",
      "your environment), e.g. samples/docker-registry/integrations.yml; a problem in",
      "it stores nothing."
    },
    footer = {"", "Exit codes: 0 stored, 1 the file has problems or the store could not be used."})
public class IntegrationImportCommand implements Callable<Integer> {

  /** How the file's path was given, for the hints of a missing or wrong one. */
  static final String GIVEN_AS = "as FILE to 'shiprun integration import'";

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Parameters(paramLabel = "FILE", description = "An integrations file.")
  Path file;

  @Option(names = "--replace", description = "Overwrite stored integrations of the same names.")
  boolean replace;

  private final IntegrationStores stores;
  private final CallerEnvironment environment;
  private final WorkingDirectory workingDirectory;

  public IntegrationImportCommand(
      IntegrationStores stores, CallerEnvironment environment, WorkingDirectory workingDirectory) {
    this.stores = stores;
    this.environment = environment;
    this.workingDirectory = workingDirectory;
  }

  @Override
  public Integer call() {
    Path resolved = workingDirectory.resolve(List.of(file)).get(0);
    IntegrationStore store = stores.of(homeOptions.home);
    IntegrationsResult read =
        new IntegrationsParser(store.types(), YamlLimits.DEFAULT)
            .read(resolved, environment.variables(), GIVEN_AS);
    PrintWriter err = spec.commandLine().getErr();
    if (read.diagnostics().stream().anyMatch(Diagnostic::isError)) {
      DiagnosticRenderer renderer = new DiagnosticRenderer(read.sources());
      read.diagnostics().forEach(d -> err.println(renderer.render(d)));
      err.println("shiprun integration import: nothing stored; fix " + resolved + " first");
      err.flush();
      return ExitCode.FAILED.code();
    }
    return IntegrationStores.with(
        spec,
        "import",
        store,
        s -> {
          s.putAll(read.integrations(), replace);
          PrintWriter out = spec.commandLine().getOut();
          out.println(
              "stored "
                  + read.integrations().size()
                  + (read.integrations().size() == 1 ? " integration" : " integrations")
                  + " from "
                  + resolved
                  + ": "
                  + String.join(", ", read.integrations().keySet()));
          out.flush();
          return ExitCode.OK.code();
        });
  }
}
