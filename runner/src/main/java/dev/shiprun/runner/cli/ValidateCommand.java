package dev.shiprun.runner.cli;

import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.secrets.SecureValueCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun validate [PATH...] [--output text|json]}: load an assembly line and report every
 * problem at once. Exit 0 when valid (warnings allowed), 1 when not.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks an assembly line and reports every problem at once.",
      "Diagnostics and the summary go to stderr; with --output json the result goes to stdout."
    },
    footer = {"", "Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error."})
public class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "Directories of an assembly line, read with every folder below them (their"
              + " shippable.yml, shippable.resources.yml, shippable.triggers.yml,"
              + " shippable.jobs.yml and shippable.templates.yml files; hidden and vendored"
              + " folders skipped), or YAML files. Default: the current directory.")
  List<Path> paths = new ArrayList<>();

  @Mixin ExternalOption external = new ExternalOption();

  @Mixin RepoNameOption repoName = new RepoNameOption();

  @Mixin OutputOption output = new OutputOption();

  @Mixin ManagedOption managed = new ManagedOption();

  @Mixin SecretsOptions secrets = new SecretsOptions();

  @Mixin HomeOptions homeOptions = new HomeOptions();

  private final HomePlugins plugins;
  private final WorkingDirectory workingDirectory;
  private final DiagnosticsPrinter printer;
  private final IntegrationStores stores;

  public ValidateCommand(
      HomePlugins plugins,
      WorkingDirectory workingDirectory,
      DiagnosticsPrinter printer,
      IntegrationStores stores) {
    this.plugins = plugins;
    this.workingDirectory = workingDirectory;
    this.printer = printer;
    this.stores = stores;
  }

  @Override
  public Integer call() {
    Validation validation =
        SecureValueCheck.check(
            plugins
                .of(homeOptions.home)
                .lineLoader(repoName.name)
                .load(workingDirectory.resolve(paths), managed.validation(), external.names),
            () -> stores.of(homeOptions.home),
            secrets.strict);
    if (output.json()) {
      printer.printJson(validation, spec.commandLine().getOut());
    } else {
      printer.printText(validation, spec.commandLine().getErr());
    }
    spec.commandLine().getErr().println(printer.summary(validation));
    spec.commandLine().getErr().flush();
    return validation.valid().isPresent() ? ExitCode.OK.code() : ExitCode.FAILED.code();
  }
}
