package dev.shiprun.runner.picture;

import java.util.Map;
import java.util.Objects;

/**
 * What the picture shows besides the line: each job's latest run and each resource's latest
 * versionName. A job or resource missing from the maps has none.
 *
 * @param runs job name → its latest run
 * @param versionNames resource name → the versionName of its latest version
 */
public record PictureState(Map<String, LatestRun> runs, Map<String, String> versionNames) {

  /** A job's latest run: its wire status ({@code success}, {@code processing}, …) and number. */
  public record LatestRun(String status, int buildNumber) {

    public LatestRun {
      Objects.requireNonNull(status, "status");
    }
  }

  /** No runs and no versions: every job {@code none}. */
  public static final PictureState NONE = new PictureState(Map.of(), Map.of());

  public PictureState {
    runs = Map.copyOf(runs);
    versionNames = Map.copyOf(versionNames);
  }
}
