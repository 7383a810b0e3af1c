package dev.shiprun.runner.daemon.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.engine.log.ShownVersions;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.StoredVersion;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The live state of a line: each job by its newest run, each resource by its newest version. The
 * status of a job that never ran is {@link #NONE}.
 */
final class LineStatusViews {

  private LineStatusViews() {}

  /** The status of a job without runs. */
  static final String NONE = "none";

  /** A job by its newest run; only {@code status} for a job that never ran. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  record JobStatus(
      String status,
      Long runId,
      Integer buildNumber,
      String triggeredBy,
      String startedAt,
      String finishedAt) {

    static final JobStatus NEVER_RAN = new JobStatus(NONE, null, null, null, null, null);

    static JobStatus of(Run run) {
      return new JobStatus(
          run.status().wire(),
          run.id(),
          run.buildNumber(),
          run.triggeredBy(),
          text(run.startedAt()),
          text(run.finishedAt()));
    }
  }

  /** A resource by its newest version; {@code versionName} left out when it has none. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  record ResourceStatus(int number, String versionName, String createdAt) {
    static ResourceStatus of(StoredVersion v) {
      return new ResourceStatus(v.number(), v.versionName().orElse(null), v.createdAt().toString());
    }
  }

  /**
   * {@code GET /api/lines/{name}/status}: every job of the line, and its resources with versions.
   */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  record LineStatus(Map<String, JobStatus> jobs, Map<String, ResourceStatus> resources) {}

  /** The newest run of a line, for its summary. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  record LastRun(long id, String job, String status, String finishedAt) {
    static LastRun of(Run run) {
      return new LastRun(run.id(), run.job(), run.status().wire(), text(run.finishedAt()));
    }
  }

  /**
   * The status of line {@code v} from the newest run of each of its jobs and the newest version of
   * each of its names, versionNames masked by {@code shown}. Jobs in the line's order; resources by
   * name.
   */
  static LineStatus status(
      Validation v,
      Collection<Run> newestRuns,
      List<StoredVersion> newestVersions,
      ShownVersions shown) {
    Map<String, Run> byJob = byJob(newestRuns);
    Map<String, JobStatus> jobs = new LinkedHashMap<>();
    for (Job job : v.pipeline().jobs()) {
      Run run = byJob.get(job.name());
      jobs.put(job.name(), run == null ? JobStatus.NEVER_RAN : JobStatus.of(run));
    }
    Map<String, StoredVersion> byName =
        newestVersions.stream()
            .collect(Collectors.toMap(StoredVersion::name, Function.identity(), (a, b) -> b));
    Map<String, ResourceStatus> resources = new LinkedHashMap<>();
    v.pipeline().resources().stream()
        .map(Resource::name)
        .sorted()
        .forEach(
            name -> {
              StoredVersion version = byName.get(name);
              if (version != null) {
                resources.put(name, ResourceStatus.of(shown.version(version)));
              }
            });
    return new LineStatus(jobs, resources);
  }

  /**
   * How many of the line's jobs stand at each status by their newest run ({@code none}: never ran),
   * statuses in their lifecycle order, those with no job left out.
   */
  static Map<String, Integer> statusCounts(Validation v, Collection<Run> newestRuns) {
    Map<String, Run> byJob = byJob(newestRuns);
    Map<String, Integer> counted = new LinkedHashMap<>();
    for (RunStatus status : RunStatus.values()) {
      counted.put(status.wire(), 0);
    }
    counted.put(NONE, 0);
    for (Job job : v.pipeline().jobs()) {
      Run run = byJob.get(job.name());
      counted.merge(run == null ? NONE : run.status().wire(), 1, Integer::sum);
    }
    counted.values().removeIf(n -> n == 0);
    return counted;
  }

  /** The newest of a line's runs, if it has any. */
  static Optional<LastRun> lastRun(Collection<Run> newestRuns) {
    return newestRuns.stream().max(Comparator.comparingLong(Run::id)).map(LastRun::of);
  }

  private static Map<String, Run> byJob(Collection<Run> runs) {
    return runs.stream().collect(Collectors.toMap(Run::job, Function.identity(), (a, b) -> b));
  }

  private static String text(Optional<Instant> at) {
    return at.map(Instant::toString).orElse(null);
  }
}
