package dev.shiprun.runner.daemon.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shiprun.runner.store.Run;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A run as the API shows it; times in ISO-8601 (UTC), absent ones null. {@code report} (a CI
 * build's test counts and coverage per matrix job, masked when it was stored) is left out for a run
 * without one.
 */
@RegisterForReflection // Jackson reads or writes it; a native image needs it declared
public record RunView(
    long id,
    String line,
    String job,
    int buildNumber,
    String status,
    String triggeredBy,
    String reason,
    String createdAt,
    String startedAt,
    String finishedAt,
    String log,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> report) {

  public static RunView of(Run run) {
    return new RunView(
        run.id(),
        run.line(),
        run.job(),
        run.buildNumber(),
        run.status().wire(),
        run.triggeredBy(),
        run.reason().orElse(null),
        run.createdAt().toString(),
        text(run.startedAt()),
        text(run.finishedAt()),
        "/api/runs/" + run.id() + "/log",
        run.report());
  }

  private static String text(Optional<Instant> at) {
    return at.map(Instant::toString).orElse(null);
  }
}
