package dev.shiprun.runner.cli;

import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.cli.graph.GraphFormat;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shiprun graph [PATH...] --format text|dot|mermaid|json}: the line as a graph. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the assembly line as a graph.",
      "Jobs and resources, IN and OUT edges, the job order",
      "and what each new version triggers. switch: off inputs are marked; state resources never"
          + " trigger."
    },
    footer = {"", "Exit codes: 0 ok, 1 the pipeline is invalid, 2 usage error."})
public class GraphCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "Directories (read with every folder below them) or YAML files of one assembly"
              + " line. Default: the current one.")
  List<Path> paths = new ArrayList<>();

  @Mixin ExternalOption external = new ExternalOption();

  @Mixin RepoNameOption repoName = new RepoNameOption();

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, dot (Graphviz), mermaid or json. Default: ${DEFAULT-VALUE}.")
  GraphFormat format;

  @Mixin ManagedOption managed = new ManagedOption();

  private final HomePlugins plugins;
  private final WorkingDirectory workingDirectory;
  private final DiagnosticsPrinter printer;

  @Inject
  public GraphCommand(
      HomePlugins plugins, WorkingDirectory workingDirectory, DiagnosticsPrinter printer) {
    this.plugins = plugins;
    this.workingDirectory = workingDirectory;
    this.printer = printer;
  }

  @Override
  public Integer call() {
    Validation validation =
        plugins
            .of(Optional.empty())
            .lineLoader(repoName.name)
            .load(workingDirectory.resolve(paths), managed.validation(), external.names);
    var err = spec.commandLine().getErr();
    printer.printText(validation, err);
    if (validation.valid().isEmpty()) {
      err.println(printer.summary(validation));
      err.flush();
      return ExitCode.FAILED.code();
    }
    var out = spec.commandLine().getOut();
    out.print(format.render(validation.valid().get().line()));
    out.flush();
    return ExitCode.OK.code();
  }
}
