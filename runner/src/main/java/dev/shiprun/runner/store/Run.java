package dev.shiprun.runner.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One run of a job, as the store keeps it. */
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
    Optional<Instant> finishedAt) {

  public Run {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(triggeredBy, "triggeredBy");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }
}
