package dev.shiprun.runner.ci;

import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.model.ci.CiConfigReader;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.yaml.YamlLimits;
import dev.shiprun.model.yaml.YamlLoader;
import java.nio.charset.StandardCharsets;

/** A CI shippable.yml written in a test, read as the build reads it; it must read cleanly. */
public final class CiText {

  private CiText() {}

  public static CiConfig read(String yaml) {
    Diagnostics out = new Diagnostics();
    CiConfig config =
        CiConfigReader.read(
            new YamlLoader(YamlLimits.DEFAULT)
                .load("shippable.yml", yaml.getBytes(StandardCharsets.UTF_8), out)
                .get(0),
            out);
    if (!out.sorted().isEmpty()) {
      throw new AssertionError("unexpected diagnostics: " + out.sorted());
    }
    return config;
  }
}
