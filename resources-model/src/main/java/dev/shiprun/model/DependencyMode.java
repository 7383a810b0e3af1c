package dev.shiprun.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** When a triggered job may start relative to its upstream jobs (spec §1.4). */
public enum DependencyMode {
  CHRONO("chrono"),
  STRICT("strict"),
  IMMEDIATE("immediate");

  private final String yaml;

  DependencyMode(String yaml) {
    this.yaml = yaml;
  }

  public String yaml() {
    return yaml;
  }

  public static Optional<DependencyMode> fromYaml(String text) {
    return Arrays.stream(values()).filter(m -> m.yaml.equals(text)).findFirst();
  }

  public static List<String> yamlNames() {
    return Arrays.stream(values()).map(DependencyMode::yaml).toList();
  }
}
