package dev.shiprun.runner.cli;

import dev.shiprun.model.Job;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceSet;
import dev.shiprun.model.diagnostic.Suggestions;
import dev.shiprun.model.env.SecureParams;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.parse.IntegrationsParser;
import dev.shiprun.model.parse.IntegrationsResult;
import dev.shiprun.model.validate.ValidPipeline;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.model.yaml.YamlLimits;
import dev.shiprun.runner.plugin.Plugins;
import dev.shiprun.runner.secrets.IntegrationStore;
import dev.shiprun.runner.secrets.IntegrationStoreException;
import dev.shiprun.runner.secrets.SecureValueCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What {@code plan} and {@code run} read before they do anything: the home's plugins, the assembly
 * line (printed and refused when invalid), the job names given with {@code --job} (a usage error
 * when unknown, with a suggestion) and the {@code --integrations} file.
 */
public class LineInput {

  /**
   * A valid line with its integrations and the plugins it was read with; {@code diagnostics} are
   * the line's warnings and the integrations file's problems, sorted.
   */
  public record Loaded(
      Plugins plugins,
      ValidPipeline valid,
      Map<String, Integration> integrations,
      SecureParams secure,
      SourceSet sources,
      List<Diagnostic> diagnostics) {

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private final HomePlugins plugins;
  private final IntegrationStores stores;
  private final WorkingDirectory workingDirectory;
  private final DiagnosticsPrinter printer;
  private final CallerEnvironment environment;

  public LineInput(
      HomePlugins plugins,
      IntegrationStores stores,
      WorkingDirectory workingDirectory,
      DiagnosticsPrinter printer,
      CallerEnvironment environment) {
    this.plugins = plugins;
    this.stores = stores;
    this.workingDirectory = workingDirectory;
    this.printer = printer;
    this.environment = environment;
  }

  /** The paths as given, resolved against the user's directory. */
  public List<Path> resolve(List<Path> paths) {
    return workingDirectory.resolve(paths);
  }

  /**
   * The line and the integrations its jobs may use — the home's stored ones, then those of {@code
   * --integrations FILE}, which win — or empty after printing why it cannot be used (an invalid
   * line, as validate says it; a store that cannot be read). {@code home} is the {@code --home}
   * option. With {@code strictSecrets}, an encrypted value the home cannot read makes the line
   * invalid.
   */
  public Optional<Loaded> load(
      CommandSpec spec,
      LineOptions options,
      boolean strictSecrets,
      OutputFormat output,
      Optional<Path> home) {
    return load(spec, options, strictSecrets, output, home, false);
  }

  /**
   * As {@link #load(CommandSpec, LineOptions, boolean, OutputFormat, Optional)} for a plan: a
   * {@code ${VAR}} of the integrations file whose variable is not set is a warning, not an error (a
   * plan shows secrets as {@code ***}; only a run needs them).
   */
  public Optional<Loaded> loadForPlan(
      CommandSpec spec,
      LineOptions options,
      boolean strictSecrets,
      OutputFormat output,
      Optional<Path> home) {
    return load(spec, options, strictSecrets, output, home, true);
  }

  private Optional<Loaded> load(
      CommandSpec spec,
      LineOptions options,
      boolean strictSecrets,
      OutputFormat output,
      Optional<Path> home,
      boolean forPlan) {
    Plugins plugins = this.plugins.of(home);
    IntegrationStore store = stores.of(home);
    IntegrationsParser parser =
        new IntegrationsParser(plugins.integrationTypes(), YamlLimits.DEFAULT);
    IntegrationsParser integrationsParser = forPlan ? parser.keepingUnsetVariables() : parser;
    List<Path> paths = options.paths;
    List<String> jobs = options.jobs;
    Optional<Path> integrationsFile = options.integrationsFile;
    PrintWriter err = spec.commandLine().getErr();
    Validation validation =
        SecureValueCheck.check(
            plugins
                .lineLoader(options.repoName.name)
                .load(
                    workingDirectory.resolve(paths),
                    options.managed.validation(),
                    options.external.names),
            () -> store,
            strictSecrets);
    if (validation.valid().isEmpty()) {
      if (output == OutputFormat.JSON) {
        printer.printJson(validation, spec.commandLine().getOut());
      } else {
        printer.printText(validation, err);
      }
      err.println(printer.summary(validation));
      err.flush();
      return Optional.empty();
    }
    ValidPipeline valid = validation.valid().get();
    checkJobNames(spec, valid.line(), jobs);
    SourceSet sources = validation.pipeline().sources();
    List<Diagnostic> diagnostics = new ArrayList<>(validation.diagnostics());
    Map<String, Integration> integrations;
    try {
      integrations = new LinkedHashMap<>(store.load());
    } catch (IntegrationStoreException e) {
      err.println("shiprun " + spec.name() + ": " + e.getMessage());
      err.flush();
      return Optional.empty();
    }
    if (integrationsFile.isPresent()) {
      Path file = workingDirectory.resolve(List.of(integrationsFile.get())).get(0);
      IntegrationsResult read = integrationsParser.read(file, environment.variables());
      sources = sources.with(read.sources());
      diagnostics.addAll(read.diagnostics());
      integrations.putAll(read.integrations());
    }
    diagnostics.sort(Diagnostics.ORDER);
    SecureParams secure = SecureValueCheck.open(validation.pipeline(), () -> store);
    return Optional.of(
        new Loaded(plugins, valid, integrations, secure, sources, List.copyOf(diagnostics)));
  }

  private static void checkJobNames(CommandSpec spec, AssemblyLine line, List<String> jobs) {
    List<String> known = line.jobs().stream().map(Job::name).toList();
    for (String name : jobs) {
      if (line.job(name).isEmpty()) {
        throw new ParameterException(
            spec.commandLine(),
            "no job named '"
                + name
                + "' in this assembly line"
                + Suggestions.closest(name, known)
                    .map(s -> "; did you mean '" + s + "'?")
                    .orElse("; jobs: " + String.join(", ", known)));
      }
    }
  }
}
