package dev.shiprun.model;

import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticRenderer;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.validate.Validation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixture pipelines for tests: YAML text in, the loader's validation out. */
public final class Pipelines {

  private Pipelines() {}

  /** Loads {@code yaml} as the only file, {@code shippable.yml}. */
  public static Validation load(String yaml) {
    return load(Map.of("shippable.yml", yaml));
  }

  /** Loads several files, in the order given (use a LinkedHashMap or Map.of for one). */
  public static Validation load(Map<String, String> files) {
    List<PipelineFile> read = new ArrayList<>();
    new LinkedHashMap<>(files)
        .forEach(
            (name, text) ->
                read.add(new PipelineFile(name, text.getBytes(StandardCharsets.UTF_8))));
    return new AssemblyLineLoader().load(read, new Diagnostics());
  }

  /** Loads text that must be valid, failing with the rendered diagnostics if it is not. */
  public static Validation loadValid(String yaml) {
    Validation v = load(yaml);
    if (v.errorCount() > 0) {
      throw new AssertionError("fixture is invalid:\n" + render(v));
    }
    return v;
  }

  /** Every diagnostic, rendered as {@code shiprun validate} shows it. */
  public static String render(Validation validation) {
    DiagnosticRenderer renderer = new DiagnosticRenderer(validation.pipeline().sources());
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : validation.diagnostics()) {
      out.append(renderer.render(d));
    }
    return out.toString();
  }

  /** The headlines only, one per diagnostic. */
  public static List<String> headlines(Validation validation) {
    return validation.diagnostics().stream().map(Diagnostic::headline).toList();
  }
}
