package dev.shiprun.runner.daemon.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shiprun.runner.daemon.work.StepView;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.StoredVersion;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run as the API shows it; times in ISO-8601 (UTC), absent ones null. {@code report} (a CI
 * build's test counts and coverage per matrix job, masked when it was stored), {@code steps} (what
 * it ran, in order) and {@code versions} (what it made) are left out when empty.
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
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> report,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StepView> steps,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MadeVersion> versions) {

  /** A version a run made: of an OUT resource, or its job's own. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record MadeVersion(
      String name,
      String kind,
      int number,
      @JsonInclude(JsonInclude.Include.NON_NULL) String versionName) {

    static MadeVersion of(StoredVersion v) {
      return new MadeVersion(
          v.name(),
          v.kind().name().toLowerCase(java.util.Locale.ROOT),
          v.number(),
          v.versionName().orElse(null));
    }
  }

  /** A run that made no versions (one just queued, say). */
  public static RunView of(Run run) {
    return of(run, List.of());
  }

  /** A run and the versions it made ({@code made}, masked by the caller). */
  public static RunView of(Run run, List<StoredVersion> made) {
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
        run.report(),
        run.steps().stream().map(StepView::of).toList(),
        made.stream().map(MadeVersion::of).toList());
  }

  private static String text(Optional<Instant> at) {
    return at.map(Instant::toString).orElse(null);
  }
}
