package dev.shiprun.model.plan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.validate.ValidPipeline;
import dev.shiprun.model.validate.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test fixture: a valid line from YAML text. */
final class Lines {

  private Lines() {}

  static ValidPipeline valid(String yaml) {
    Validation v =
        new AssemblyLineLoader()
            .load(
                List.of(new PipelineFile("shippable.yml", yaml.getBytes(StandardCharsets.UTF_8))),
                new Diagnostics());
    assertTrue(v.valid().isPresent(), () -> "fixture must be valid: " + v.diagnostics());
    return v.valid().get();
  }
}
