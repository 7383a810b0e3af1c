package dev.shiprun.runner.daemon;

import dev.shiprun.runner.engine.job.NodeRuntime;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a daemon runs its work: jobs at a time, how long a stop waits for running jobs, the grace a
 * job's processes get between TERM and KILL, the limits of the API, how its own log is written, the
 * variables every job inherits (the allow-list of the daemon's environment), whether a version that
 * holds a secret is stored masked rather than refused ({@code --store-masked-versions}), and where
 * scripts that do not say run ({@code --runtime-default}, the default image, the container
 * command), and per line the integration that holds its webhooks' secret ({@code
 * --webhook-secret}).
 */
public record DaemonSettings(
    int concurrency,
    Duration stopGrace,
    Duration killGrace,
    int maxQueued,
    int maxLogLine,
    DaemonLog.Format logFormat,
    Map<String, String> inherited,
    boolean storeMaskedVersions,
    NodeRuntime runtime,
    Map<String, String> webhookSecrets) {

  public static final int DEFAULT_MAX_QUEUED = 10_000;
  public static final int DEFAULT_MAX_LOG_LINE = 64 * 1024;

  public DaemonSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be 1 or more, not " + concurrency);
    }
    inherited = Map.copyOf(inherited);
    Objects.requireNonNull(runtime, "runtime");
    webhookSecrets = Map.copyOf(webhookSecrets);
  }

  /** What tests and a daemon without options use. */
  public static DaemonSettings defaults(Map<String, String> inherited) {
    return new DaemonSettings(
        2,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        DEFAULT_MAX_QUEUED,
        DEFAULT_MAX_LOG_LINE,
        DaemonLog.Format.TEXT,
        inherited,
        false,
        NodeRuntime.defaults(System.getenv()),
        Map.of());
  }
}
