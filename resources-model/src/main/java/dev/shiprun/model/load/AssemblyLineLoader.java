package dev.shiprun.model.load;

import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.parse.ParseResult;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.parse.PipelineFiles;
import dev.shiprun.model.parse.PipelineParser;
import dev.shiprun.model.validate.PipelineValidator;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.model.validate.ValidationOptions;
import dev.shiprun.model.yaml.YamlLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The front door of the model: read the YAML files of an assembly line, parse and validate them,
 * and return every diagnostic at once. Stateless and thread-safe.
 */
public final class AssemblyLineLoader {

  private final PipelineFiles files;
  private final PipelineParser parser;
  private final PipelineValidator validator;

  public AssemblyLineLoader() {
    this(YamlLimits.DEFAULT);
  }

  public AssemblyLineLoader(YamlLimits limits) {
    this.files = new PipelineFiles(limits.maxBytes());
    this.parser = new PipelineParser(limits);
    this.validator = new PipelineValidator(ValidationOptions.DEFAULT);
  }

  /** Loads the directories and files of one assembly line ({@code .} when none are given). */
  public Validation load(List<Path> paths) {
    return load(paths, ValidationOptions.DEFAULT);
  }

  /** As {@link #load(List)}, validated with {@code options}. */
  public Validation load(List<Path> paths, ValidationOptions options) {
    Diagnostics out = new Diagnostics();
    List<PipelineFile> read = files.read(paths.isEmpty() ? List.of(Path.of(".")) : paths, out);
    return load(read, out, options);
  }

  /** Loads files already in memory (a YAML body sent to the daemon, say). */
  public Validation load(List<PipelineFile> read, Diagnostics fileProblems) {
    return load(read, fileProblems, ValidationOptions.DEFAULT);
  }

  /** As {@link #load(List, Diagnostics)}, validated with {@code options}. */
  public Validation load(
      List<PipelineFile> read, Diagnostics fileProblems, ValidationOptions options) {
    ParseResult parsed = parser.parse(read);
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
    // A validator is a list of stateless rules: one per call with other options costs nothing.
    PipelineValidator chosen =
        options.equals(ValidationOptions.DEFAULT) ? validator : new PipelineValidator(options);
    return chosen.validate(parsed.pipeline(), diagnostics);
  }
}
