package dev.shiprun.runner.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A manual trigger in the daemon's queue: which job of which line, with which extra variables (like
 * {@code --env}), and where it stands.
 */
public record RunRequest(
    long id,
    String line,
    String job,
    Map<String, String> variables,
    Status status,
    Instant createdAt,
    Optional<Instant> takenAt,
    OptionalLong runId) {

  /** queued: waiting for a worker; taken: a worker runs it (runId once its run row exists). */
  public enum Status {
    QUEUED,
    TAKEN;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status fromWire(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }

  public RunRequest {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(job, "job");
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(takenAt, "takenAt");
    Objects.requireNonNull(runId, "runId");
  }
}
