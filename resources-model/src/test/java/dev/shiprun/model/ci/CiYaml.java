package dev.shiprun.model.ci;

import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.yaml.YamlLimits;
import dev.shiprun.model.yaml.YamlLoader;
import java.nio.charset.StandardCharsets;

/** Reads a CI shippable.yml written in a test through the project's YAML loader. */
final class CiYaml {

  private CiYaml() {}

  static CiConfig read(String yaml, Diagnostics out) {
    return CiConfigReader.read(
        new YamlLoader(YamlLimits.DEFAULT)
            .load("shippable.yml", yaml.getBytes(StandardCharsets.UTF_8), out)
            .get(0),
        out);
  }

  /** Reads a file that must have no diagnostics at all. */
  static CiConfig clean(String yaml) {
    Diagnostics out = new Diagnostics();
    CiConfig config = read(yaml, out);
    if (!out.sorted().isEmpty()) {
      throw new AssertionError("unexpected diagnostics: " + out.sorted());
    }
    return config;
  }
}
