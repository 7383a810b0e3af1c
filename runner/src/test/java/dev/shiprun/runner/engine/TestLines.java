package dev.shiprun.runner.engine;

import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.validate.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Assembly lines for the deciders' table tests, read from YAML as {@code shiprun run} reads it. */
public final class TestLines {

  private TestLines() {}

  /** The valid line of {@code yaml}; a line with an error fails the test, naming the error. */
  public static AssemblyLine parse(String yaml) {
    Validation v =
        new AssemblyLineLoader()
            .load(
                List.of(new PipelineFile("shippable.yml", yaml.getBytes(StandardCharsets.UTF_8))),
                new Diagnostics());
    return v.valid()
        .orElseThrow(() -> new AssertionError("the test's line is invalid: " + v.diagnostics()))
        .line();
  }
}
