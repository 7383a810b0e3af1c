package dev.shiprun.runner.ci;

import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.model.ci.CiConfigReader;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.yaml.YamlLimits;
import dev.shiprun.model.yaml.YamlLoader;
import java.nio.charset.StandardCharsets;

/** CI configs of the tests, read from YAML as the parser reads a shippable.yml. */
final class CiConfigs {

  private CiConfigs() {}

  static CiConfig read(String yaml) {
    Diagnostics out = new Diagnostics();
    CiConfig config =
        CiConfigReader.read(
            new YamlLoader(YamlLimits.DEFAULT)
                .load("shippable.yml", yaml.getBytes(StandardCharsets.UTF_8), out)
                .get(0),
            out);
    if (out.hasErrors()) {
      throw new AssertionError("the test's CI config is invalid: " + out.sorted());
    }
    return config;
  }
}
