package dev.shiprun.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.cli.graph.GraphFormat;
import dev.shiprun.runner.engine.log.ShownVersions;
import dev.shiprun.runner.picture.PictureState;
import dev.shiprun.runner.picture.PictureStates;
import dev.shiprun.runner.secrets.IntegrationStoreException;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shiprun graph [PATH...] --format text|dot|mermaid|json|svg}: the line as a graph. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the assembly line as a graph.",
      "Jobs and resources, IN and OUT edges, the job order",
      "and what each new version triggers. switch: off inputs are marked; state resources never"
          + " trigger. The svg picture colours each job by its latest run in --home.",
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 the pipeline is invalid, 2 usage error (or a file that cannot be"
          + " written), 3 the store cannot be read."
    })
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
      description =
          "text, dot (Graphviz), mermaid, json or svg (a picture). Default: ${DEFAULT-VALUE}.")
  GraphFormat format;

  @Option(
      names = {"-o", "--output-file"},
      paramLabel = "FILE",
      description =
          "Write the graph to FILE instead of standard output (the format is -f: graph -f svg -o"
              + " line.svg).")
  Optional<Path> outputFile = Optional.empty();

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Option(
      names = "--line",
      paramLabel = "NAME",
      description =
          "The name 'shiprun run' kept the line's runs under, for the svg picture's colours."
              + " Default: the directory's name.")
  Optional<String> lineName = Optional.empty();

  @Mixin ManagedOption managed = new ManagedOption();

  private final HomePlugins plugins;
  private final WorkingDirectory workingDirectory;
  private final DiagnosticsPrinter printer;
  private final ShiprunHome home;
  private final IntegrationStores integrations;

  public GraphCommand(
      HomePlugins plugins,
      WorkingDirectory workingDirectory,
      DiagnosticsPrinter printer,
      ShiprunHome home,
      IntegrationStores integrations) {
    this.plugins = plugins;
    this.workingDirectory = workingDirectory;
    this.printer = printer;
    this.home = home;
    this.integrations = integrations;
  }

  @Override
  public Integer call() {
    if (outputFile.isPresent() && namesAFormat(outputFile.get())) {
      throw new ParameterException(
          spec.commandLine(),
          "shiprun graph: -o names the FILE to write, and '"
              + outputFile.get()
              + "' is a format's name; give the format with -f (graph -f "
              + outputFile.get()
              + "), a file with -o (graph -f svg -o line.svg)");
    }
    List<Path> resolved = workingDirectory.resolve(paths);
    Validation validation =
        plugins
            .of(homeOptions.home)
            .lineLoader(repoName.name)
            .load(resolved, managed.validation(), external.names);
    PrintWriter err = spec.commandLine().getErr();
    printer.printText(validation, err);
    if (validation.valid().isEmpty()) {
      err.println(printer.summary(validation));
      err.flush();
      return ExitCode.FAILED.code();
    }
    String name = LineRun.lineName(lineName, resolved);
    PictureState state = PictureState.NONE;
    if (format == GraphFormat.SVG && homeOptions.home.isPresent()) {
      Optional<PictureState> read = state(name, err);
      if (read.isEmpty()) {
        return ExitCode.INTERNAL.code();
      }
      state = read.get();
    }
    String text = format.render(validation.valid().get().line(), name, state);
    if (outputFile.isPresent()) {
      return write(workingDirectory.resolve(List.of(outputFile.get())).get(0), text, err);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
    return ExitCode.OK.code();
  }

  /**
   * The latest runs and versions of line {@code name} in the home: none for a home without a store
   * (said on stderr), empty when the store cannot be read (said on stderr).
   */
  private Optional<PictureState> state(String name, PrintWriter err) {
    Path dir = home.resolve(homeOptions.home);
    if (Files.isDirectory(dir)
        && Files.isExecutable(dir)
        && !Files.isDirectory(dir.resolve("store"))) {
      err.println("shiprun graph: no runs yet in " + dir + "; every job is drawn without a status");
      err.flush();
      return Optional.of(PictureState.NONE);
    }
    try (Store store = Store.open(dir, new ObjectMapper())) {
      return Optional.of(PictureStates.read(store, name, shown(err)));
    } catch (StoreException e) {
      err.println("shiprun graph: " + e.getMessage());
      err.flush();
      return Optional.empty();
    }
  }

  /** Whether {@code file} is a bare format name, as other commands' {@code -o json} would give. */
  private static boolean namesAFormat(Path file) {
    String text = file.toString();
    return Arrays.stream(GraphFormat.values()).anyMatch(f -> f.toString().equals(text));
  }

  /** A masker of the home's integrations; none (with a warning) when they cannot be opened. */
  private ShownVersions shown(PrintWriter err) {
    try {
      return ShownVersions.of(integrations.of(homeOptions.home).load().values());
    } catch (IntegrationStoreException e) {
      err.println(
          "shiprun graph: warning: the home's integrations cannot be opened to mask with ("
              + e.getMessage()
              + "); versionNames are shown as stored");
      return ShownVersions.of(List.of());
    }
  }

  private static int write(Path file, String text, PrintWriter err) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return ExitCode.OK.code();
    } catch (IOException e) {
      String why =
          e instanceof NoSuchFileException
              ? "its folder does not exist"
              : e instanceof AccessDeniedException
                  ? "permission denied"
                  : Files.isDirectory(file) ? "it is a folder" : String.valueOf(e.getMessage());
      err.println(
          "shiprun graph: cannot write -o "
              + file
              + " ("
              + why
              + "); give a file in a folder you can write to");
      err.flush();
      return ExitCode.USAGE.code();
    }
  }
}
