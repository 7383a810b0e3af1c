package dev.shiprun.runner.engine.event;

import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.StoredVersion;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one run of a job ended: its status, build number, duration, the OUT versions it posted and,
 * when it did not succeed, the reason in one line.
 */
public record JobResult(
    String job,
    long runId,
    int buildNumber,
    RunStatus status,
    Duration duration,
    List<StoredVersion> outVersions,
    Optional<String> reason) {

  public JobResult {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(duration, "duration");
    outVersions = List.copyOf(outVersions);
    Objects.requireNonNull(reason, "reason");
  }

  public boolean succeeded() {
    return status == RunStatus.SUCCESS;
  }
}
