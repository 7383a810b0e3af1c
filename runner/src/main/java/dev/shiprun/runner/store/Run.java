package dev.shiprun.runner.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a job, as the store keeps it.
 *
 * @param report what the run found that users read besides its log (a CI build's test counts and
 *     coverage), as plain values in the order the job type gave them, masked; empty for none
 * @param steps the steps it ran, in order, once it ended; empty for none
 */
public record Run(
    long id,
    String line,
    String job,
    int buildNumber,
    RunStatus status,
    String triggeredBy,
    Optional<String> reason,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    Map<String, Object> report,
    List<RunStep> steps) {

  public Run {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(triggeredBy, "triggeredBy");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    report = Collections.unmodifiableMap(new LinkedHashMap<>(report));
    steps = List.copyOf(steps);
  }
}
