package dev.shiprun.runner.engine.event;

import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.RunStep;
import dev.shiprun.runner.store.StoredVersion;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one run of a job ended: its status, build number, duration, the OUT versions it posted, when
 * it did not succeed the reason in one line, the job type's report (a CI build's test counts and
 * coverage, masked, as stored with the run; empty for none), and the steps it ran, in order.
 */
public record JobResult(
    String job,
    long runId,
    int buildNumber,
    RunStatus status,
    Duration duration,
    List<StoredVersion> outVersions,
    Optional<String> reason,
    Map<String, Object> report,
    List<RunStep> steps) {

  public JobResult {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(duration, "duration");
    outVersions = List.copyOf(outVersions);
    Objects.requireNonNull(reason, "reason");
    report = Collections.unmodifiableMap(new LinkedHashMap<>(report));
    steps = List.copyOf(steps);
  }

  public boolean succeeded() {
    return status == RunStatus.SUCCESS;
  }
}
