package dev.shiprun.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How several triggers of one job run: queued one at a time, or concurrently. */
public enum TriggerMode {
  SERIAL("serial"),
  PARALLEL("parallel");

  private final String yaml;

  TriggerMode(String yaml) {
    this.yaml = yaml;
  }

  public String yaml() {
    return yaml;
  }

  public static Optional<TriggerMode> fromYaml(String text) {
    return Arrays.stream(values()).filter(m -> m.yaml.equals(text)).findFirst();
  }

  public static List<String> yamlNames() {
    return Arrays.stream(values()).map(TriggerMode::yaml).toList();
  }
}
