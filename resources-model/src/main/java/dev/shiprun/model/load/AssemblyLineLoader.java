package dev.shiprun.model.load;

import dev.shiprun.model.Pipeline;
import dev.shiprun.model.ci.RepositoryName;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.diagnostic.SourceSet;
import dev.shiprun.model.graph.ExternalNames;
import dev.shiprun.model.parse.CiRoots;
import dev.shiprun.model.parse.ParseResult;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.parse.PipelineFiles;
import dev.shiprun.model.parse.PipelineParser;
import dev.shiprun.model.parse.ShiprunSettings;
import dev.shiprun.model.validate.PipelineValidator;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.model.validate.ValidationOptions;
import dev.shiprun.model.yaml.YamlLimits;
import dev.shiprun.model.yaml.YamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The front door of the model: read the YAML files of an assembly line, parse and validate them,
 * and return every diagnostic at once. Stateless and thread-safe.
 */
public final class AssemblyLineLoader {

  private final PipelineFiles files;
  private final PipelineParser parser;
  private final ShiprunSettings settings;
  private final Function<Path, String> repositoryNames;

  public AssemblyLineLoader() {
    this(YamlLimits.DEFAULT);
  }

  public AssemblyLineLoader(YamlLimits limits) {
    this(limits, type -> false);
  }

  /**
   * A loader that also knows the resource types {@code otherResourceTypes} accepts (those of
   * plugins), asked only for a {@code type:} that is not one of spec §1.2's.
   */
  public AssemblyLineLoader(Predicate<String> otherResourceTypes) {
    this(YamlLimits.DEFAULT, otherResourceTypes);
  }

  private AssemblyLineLoader(YamlLimits limits, Predicate<String> otherResourceTypes) {
    this(
        new PipelineFiles(limits.maxBytes()),
        new PipelineParser(limits, otherResourceTypes),
        new ShiprunSettings(limits),
        RepositoryName::ofFolder);
  }

  private AssemblyLineLoader(
      PipelineFiles files,
      PipelineParser parser,
      ShiprunSettings settings,
      Function<Path, String> repositoryNames) {
    this.files = files;
    this.parser = parser;
    this.settings = settings;
    this.repositoryNames = repositoryNames;
  }

  /**
   * The same loader, naming the repository of a folder whose shippable.yml has CI keys with {@code
   * repositoryNames} (by default: the folder's name, see {@link RepositoryName}).
   */
  public AssemblyLineLoader namingRepositories(Function<Path, String> repositoryNames) {
    return new AssemblyLineLoader(files, parser, settings, repositoryNames);
  }

  /** Loads the directories and files of one assembly line ({@code .} when none are given). */
  public Validation load(List<Path> paths) {
    return load(paths, ValidationOptions.DEFAULT, List.of());
  }

  /** As {@link #load(List)}, validated with {@code options}. */
  public Validation load(List<Path> paths, ValidationOptions options) {
    return load(paths, options, List.of());
  }

  /** As {@link #load(List, ValidationOptions, List)} with the default options. */
  public Validation load(List<Path> paths, List<String> external) {
    return load(paths, ValidationOptions.DEFAULT, external);
  }

  /**
   * As {@link #load(List)}, validated with {@code options}, and with {@code external} the names
   * given with {@code --external}: names another repository's line defines, added to those of each
   * directory's shippable.shiprun.yml.
   */
  public Validation load(List<Path> paths, ValidationOptions options, List<String> external) {
    Diagnostics out = new Diagnostics();
    PipelineFiles.LineFiles read =
        files.readLine(paths.isEmpty() ? List.of(Path.of(".")) : paths, out);
    List<ExternalNames.External> names = new ArrayList<>();
    for (String name : external) {
      names.add(
          new ExternalNames.External(
              name, "--external", SourceLocation.ofFile("--external"), Optional.empty()));
    }
    Map<String, String> settingsTexts = new LinkedHashMap<>();
    for (PipelineFile file : read.settings()) {
      String name = file.name();
      String repository = name.substring(0, Math.max(0, name.lastIndexOf('/')));
      names.addAll(settings.external(file, repository.isEmpty() ? "." : repository, out));
      settingsTexts.put(file.name(), YamlLoader.text(file.bytes()));
    }
    return load(
        read.files(),
        read.templatesOf(),
        new CiRoots(read.ciRoots(), repositoryNames),
        new ExternalNames(names),
        new SourceSet(settingsTexts),
        out,
        options);
  }

  /** Loads files already in memory (a YAML body sent to the daemon, say). */
  public Validation load(List<PipelineFile> read, Diagnostics fileProblems) {
    return load(read, fileProblems, ValidationOptions.DEFAULT);
  }

  /** As {@link #load(List, Diagnostics)}, validated with {@code options}. */
  public Validation load(
      List<PipelineFile> read, Diagnostics fileProblems, ValidationOptions options) {
    return load(
        read, Map.of(), CiRoots.NONE, ExternalNames.NONE, SourceSet.empty(), fileProblems, options);
  }

  private Validation load(
      List<PipelineFile> read,
      Map<String, Optional<String>> templatesOf,
      CiRoots ciRoots,
      ExternalNames external,
      SourceSet settingsSources,
      Diagnostics fileProblems,
      ValidationOptions options) {
    ParseResult parsed = parser.parse(read, templatesOf, ciRoots);
    List<dev.shiprun.model.diagnostic.Diagnostic> diagnostics =
        new ArrayList<>(fileProblems.sorted());
    diagnostics.addAll(parsed.diagnostics());
    if (read.isEmpty() && diagnostics.isEmpty()) {
      Diagnostics none = new Diagnostics();
      none.error(
          DiagnosticCode.AL009,
          SourceLocation.ofFile("."),
          "no assembly line files were given",
          "give a directory with shippable.yml, or the YAML files themselves");
      diagnostics.addAll(none.sorted());
    }
    Pipeline pipeline = parsed.pipeline();
    if (!settingsSources.files().isEmpty()) {
      pipeline = pipeline.withSources(pipeline.sources().with(settingsSources));
    }
    // A validator is a list of stateless rules: one per call costs nothing.
    return new PipelineValidator(options).validate(pipeline, diagnostics, external);
  }
}
