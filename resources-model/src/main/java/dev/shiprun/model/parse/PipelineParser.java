package dev.shiprun.model.parse;

import dev.shiprun.model.Job;
import dev.shiprun.model.Pipeline;
import dev.shiprun.model.Resource;
import dev.shiprun.model.SecureValue;
import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.model.ci.CiConfigReader;
import dev.shiprun.model.ci.RepositoryCi;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.diagnostic.SourceSet;
import dev.shiprun.model.diagnostic.Suggestions;
import dev.shiprun.model.yaml.YamlEntry;
import dev.shiprun.model.yaml.YamlLimits;
import dev.shiprun.model.yaml.YamlLoader;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlSequence;
import dev.shiprun.model.yaml.YamlValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * Reads the YAML files of one assembly line into a {@link Pipeline}. Several files merge into one
 * line; a shippable.templates.yml lends its anchors to the others. Every problem is collected, none
 * stops the reading of the rest.
 *
 * <p>Stateless and thread-safe.
 */
public final class PipelineParser {

  /** Below this many bytes in all, reading the files one after the other is as fast. */
  private static final long PARALLEL_FROM_BYTES = 256 * 1024;

  private final YamlLoader loader;
  private final Predicate<String> otherResourceTypes;

  public PipelineParser() {
    this(YamlLimits.DEFAULT);
  }

  public PipelineParser(YamlLimits limits) {
    this(limits, type -> false);
  }

  /**
   * @param otherResourceTypes which resource {@code type:} names besides spec §1.2's are known (the
   *     types of plugins); asked only for a name that is not one of the spec's
   */
  public PipelineParser(YamlLimits limits, Predicate<String> otherResourceTypes) {
    this.loader = new YamlLoader(limits);
    this.otherResourceTypes = otherResourceTypes;
  }

  public ParseResult parse(List<PipelineFile> files) {
    return parse(files, Map.of());
  }

  /**
   * Reads the files; {@code templatesOf} names, for a file found in a directory, the templates file
   * read in front of it (empty: none). A file it does not name gets the last templates file given,
   * as files given one by one always did.
   */
  public ParseResult parse(List<PipelineFile> files, Map<String, Optional<String>> templatesOf) {
    return parse(files, templatesOf, CiRoots.NONE);
  }

  /**
   * As {@link #parse(List, Map)}, reading the CI keys of the files {@code ciRoots} names into the
   * line's {@link RepositoryCi}. Two such files with CI keys are an error: a line builds the CI of
   * one repository.
   */
  public ParseResult parse(
      List<PipelineFile> files, Map<String, Optional<String>> templatesOf, CiRoots ciRoots) {
    Diagnostics out = new Diagnostics();
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, YamlLoader.Prelude> preludes = new HashMap<>();
    Optional<YamlLoader.Prelude> last = Optional.empty();
    for (PipelineFile file : files) {
      if (file.isTemplates()) {
        String text = sourceText(file);
        texts.put(file.name(), text);
        // Read it alone once, so its own mistakes are reported against it. A file that cannot
        // be read at all lends no anchors: in front of another file its syntax error would run
        // into that file and be reported there, against lines that are fine.
        Diagnostics own = new Diagnostics();
        boolean readable = !loader.load(file.name(), file.bytes(), own).isEmpty();
        out.addAll(own.sorted());
        last =
            readable || !own.hasErrors()
                ? Optional.of(new YamlLoader.Prelude(file.name(), text))
                : Optional.empty();
        last.ifPresent(p -> preludes.put(p.file(), p));
      }
    }
    List<PipelineFile> lineFiles = new ArrayList<>();
    List<Optional<YamlLoader.Prelude>> lineLends = new ArrayList<>();
    for (PipelineFile file : files) {
      if (!file.isTemplates()) {
        lineFiles.add(file);
        Optional<String> lender = templatesOf.get(file.name());
        lineLends.add(
            lender == null ? last : lender.flatMap(n -> Optional.ofNullable(preludes.get(n))));
      }
    }
    List<Resource> resources = new ArrayList<>();
    List<Job> jobs = new ArrayList<>();
    List<SecureValue> ciSecure = new ArrayList<>();
    List<FileRead> reads = readAll(lineFiles, lineLends, ciRoots);
    Optional<RepositoryCi> ci = repositoryCi(reads, ciRoots, out);
    for (FileRead read : reads) {
      texts.put(read.file(), read.text());
      resources.addAll(read.resources());
      jobs.addAll(read.jobs());
      ciSecure.addAll(read.ciSecure());
      out.addAll(read.diagnostics().sorted());
    }
    // The templates file is read alone and again in front of every other file: a problem in it
    // would be reported once per file. Identical diagnostics are one problem.
    List<Diagnostic> diagnostics = out.sorted().stream().distinct().toList();
    return new ParseResult(
        new Pipeline(resources, jobs, new SourceSet(texts), ciSecure, ci), diagnostics);
  }

  /** The CI of the one root shippable.yml with CI keys; a second one is reported and not read. */
  private static Optional<RepositoryCi> repositoryCi(
      List<FileRead> reads, CiRoots ciRoots, Diagnostics out) {
    Optional<RepositoryCi> first = Optional.empty();
    for (FileRead read : reads) {
      if (read.ci().isEmpty()) {
        continue;
      }
      CiRead ci = read.ci().get();
      if (first.isPresent()) {
        out.error(
            DiagnosticCode.AL126,
            ci.at(),
            "both "
                + first.get().file()
                + " and "
                + read.file()
                + " have CI keys; one assembly line builds the CI of one repository",
            "run shiprun on each repository's folder on its own, or remove the CI keys of one");
        continue;
      }
      Path folder = ciRoots.folders().get(read.file());
      first =
          Optional.of(
              new RepositoryCi(
                  ciRoots.repositoryNames().apply(folder),
                  read.file(),
                  ci.at(),
                  ci.config(),
                  Optional.of(folder)));
    }
    return first;
  }

  /** What one file gave: its text, resources and jobs in file order, its CI, and its problems. */
  private record FileRead(
      String file,
      String text,
      List<Resource> resources,
      List<Job> jobs,
      List<SecureValue> ciSecure,
      Optional<CiRead> ci,
      Diagnostics diagnostics) {}

  /** The CI keys of a root shippable.yml: where they start and what they say. */
  private record CiRead(SourceLocation at, CiConfig config) {}

  /**
   * Reads the files of the line, each on its own (only the templates' anchors are shared, as text
   * in front). A line split into big files, as shippable.resources.yml and shippable.jobs.yml, is
   * read in parallel: YAML reading is most of the time of a large line, and the files do not depend
   * on each other. The results keep the files' order.
   */
  private List<FileRead> readAll(
      List<PipelineFile> files, List<Optional<YamlLoader.Prelude>> preludes, CiRoots ciRoots) {
    long bytes = 0;
    for (PipelineFile file : files) {
      bytes += file.bytes().length;
    }
    if (files.size() < 2 || bytes < PARALLEL_FROM_BYTES) {
      List<FileRead> reads = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        reads.add(read(files.get(i), preludes.get(i), ciRoots));
      }
      return reads;
    }
    List<CompletableFuture<FileRead>> others = new ArrayList<>();
    for (int i = 1; i < files.size(); i++) {
      PipelineFile file = files.get(i);
      Optional<YamlLoader.Prelude> prelude = preludes.get(i);
      others.add(CompletableFuture.supplyAsync(() -> read(file, prelude, ciRoots)));
    }
    List<FileRead> reads = new ArrayList<>();
    reads.add(read(files.get(0), preludes.get(0), ciRoots));
    for (CompletableFuture<FileRead> other : others) {
      try {
        reads.add(other.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    }
    return reads;
  }

  private FileRead read(PipelineFile file, Optional<YamlLoader.Prelude> prelude, CiRoots ciRoots) {
    String templatesFile = prelude.map(YamlLoader.Prelude::file).orElse(null);
    Diagnostics own = new Diagnostics();
    List<Resource> resources = new ArrayList<>();
    List<Job> jobs = new ArrayList<>();
    ResourceReader resourceReader = new ResourceReader(own, otherResourceTypes);
    JobReader jobReader = new JobReader(own);
    List<SecureValue> ciSecure = new ArrayList<>();
    Optional<CiRead> ci = Optional.empty();
    boolean root = ciRoots.folders().containsKey(file.name());
    String text = sourceText(file);
    // The loader reads the text the diagnostics keep, not a copy of its own.
    for (YamlValue document : loader.load(file.name(), file.bytes(), text, prelude, own)) {
      readDocument(
          document, file.name(), templatesFile, resourceReader, jobReader, resources, jobs, own);
      ciSecure.addAll(CiEnvReader.read(document, file.name()));
      if (root && ci.isEmpty()) {
        ci = ciKeys(document, file.name()).map(keys -> new CiRead(keys.at(), read(keys, own)));
      }
    }
    return new FileRead(file.name(), text, resources, jobs, ciSecure, ci, own);
  }

  private static CiConfig read(YamlMapping keys, Diagnostics out) {
    return CiConfigReader.read(keys, out);
  }

  /**
   * The document's own top-level keys (not those a templates file lends) when one of them is a CI
   * key, starting where the first CI key is.
   */
  private static Optional<YamlMapping> ciKeys(YamlValue document, String file) {
    if (!(document instanceof YamlMapping top)) {
      return Optional.empty();
    }
    List<YamlEntry> entries = new ArrayList<>();
    SourceLocation first = null;
    for (YamlEntry entry : top.entries()) {
      if (entry.key().at().file().equals(file)) {
        entries.add(entry);
        if (first == null && Vocabulary.CI_KEYS.contains(entry.name())) {
          first = entry.key().at();
        }
      }
    }
    return first == null ? Optional.empty() : Optional.of(new YamlMapping(entries, first));
  }

  /** The text diagnostics quote: without a BOM, which the YAML reader skips and counts not. */
  private static String sourceText(PipelineFile file) {
    return YamlLoader.text(file.bytes());
  }

  private static void readDocument(
      YamlValue document,
      String file,
      String templatesFile,
      ResourceReader resourceReader,
      JobReader jobReader,
      List<Resource> resources,
      List<Job> jobs,
      Diagnostics out) {
    if (document instanceof YamlScalar s && s.isNull()) {
      return;
    }
    if (!(document instanceof YamlMapping top)) {
      out.error(
          DiagnosticCode.AL008,
          document.at(),
          "the top level of "
              + file
              + " must be a mapping with 'resources:' and/or 'jobs:', "
              + "found "
              + document.describe(),
          "start the file with 'resources:' or 'jobs:' at column 1");
      return;
    }
    Set<String> known = new HashSet<>(Vocabulary.TOP_LEVEL);
    known.addAll(Vocabulary.CI_KEYS);
    for (YamlEntry entry : top.entries()) {
      if (entry.key().at().file().equals(templatesFile)) {
        continue; // anchors lent by the templates file
      }
      switch (entry.name()) {
        case "resources" ->
            list(entry, out).forEach(item -> resourceReader.read(item).ifPresent(resources::add));
        case "jobs" -> list(entry, out).forEach(item -> jobReader.read(item).ifPresent(jobs::add));
        case "triggers" ->
            list(entry, out)
                .forEach(item -> resourceReader.readTrigger(item).ifPresent(resources::add));
        default -> {
          if (!known.contains(entry.name())) {
            out.warning(
                DiagnosticCode.AL010,
                entry.key().at(),
                "unknown top-level key '" + entry.name() + "'; it is ignored",
                Suggestions.closest(entry.name(), Vocabulary.TOP_LEVEL)
                    .map(n -> "did you mean '" + n + "'?")
                    .orElse("an assembly line has 'resources:' and 'jobs:'"));
          }
        }
      }
    }
  }

  /** What an item of each top-level list is called in a hint. */
  private static final Map<String, String> LIST_ITEMS =
      Map.of("jobs", "job", "triggers", "trigger");

  private static List<YamlValue> list(YamlEntry entry, Diagnostics out) {
    YamlValue value = entry.value();
    if (value instanceof YamlSequence seq) {
      return seq.items();
    }
    if (!(value instanceof YamlScalar s && s.isNull())) {
      out.error(
          DiagnosticCode.AL008,
          value.at(),
          "'" + entry.name() + "' must be a list ('- name: …' items), found " + value.describe(),
          value instanceof YamlMapping
              ? "put '- ' in front of each " + LIST_ITEMS.getOrDefault(entry.name(), "resource")
              : Fields.shapeHint(entry.name(), value, "a list"));
    }
    return List.of();
  }

  /** Where a whole-file problem is reported when no position applies. */
  static SourceLocation fileLocation(String file) {
    return SourceLocation.ofFile(file);
  }
}
