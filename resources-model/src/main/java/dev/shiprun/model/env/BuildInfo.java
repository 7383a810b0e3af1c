package dev.shiprun.model.env;

import java.util.Objects;

/**
 * What a run knows about itself when its environment is made: the build folder ({@code JOB_PATH}),
 * ids and numbers, and what triggered it. {@code plan} passes placeholders.
 */
public record BuildInfo(
    String jobPath, String buildId, String buildNumber, String triggeredByName) {

  public BuildInfo {
    Objects.requireNonNull(jobPath, "jobPath");
    Objects.requireNonNull(buildId, "buildId");
    Objects.requireNonNull(buildNumber, "buildNumber");
    Objects.requireNonNull(triggeredByName, "triggeredByName");
  }
}
