package dev.shiprun.runner.engine.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every run of one invocation shares.
 *
 * @param home the shiprun home: store, build folders, logs
 * @param timeout overrides each job's {@code runtime.timeoutMinutes} when present
 * @param grace how long a job's processes get between TERM and KILL
 * @param inherited the caller's variables a job may see (the documented allow-list), then the
 *     {@code --env} entries
 * @param keepWorkspace keep build folders after the run (they hold integration files: debugging
 *     only)
 * @param strictSecrets a secret form found in the stored log after the scripts (a value {@code
 *     shipctl mask} learnt too late) fails the job, and nothing is posted (otherwise a warning in
 *     the log); the log is masked again either way
 * @param storeMaskedVersions a version the run would post that holds a secret is stored with the
 *     secret replaced by {@code ***}; otherwise it is refused and the job fails
 * @param runtime where scripts that do not say run, and how containers are run
 */
public record EngineSettings(
    Path home,
    Optional<Duration> timeout,
    Duration grace,
    Map<String, String> inherited,
    boolean keepWorkspace,
    boolean strictSecrets,
    boolean storeMaskedVersions,
    NodeRuntime runtime) {

  /** The caller's variables a job sees, when set (documented in the README). */
  public static final List<String> INHERITED_VARIABLES =
      List.of(
          "PATH",
          "HOME",
          "USER",
          "LOGNAME",
          "SHELL",
          "LANG",
          "LC_ALL",
          "LC_CTYPE",
          "TZ",
          "TERM",
          "TMPDIR");

  /** Spec §6.3: 60 minutes unless the job says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

  /** The variables of {@code environment} a job inherits: those of the allow-list that are set. */
  public static Map<String, String> allowListed(Map<String, String> environment) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : INHERITED_VARIABLES) {
      String value = environment.get(name);
      if (value != null) {
        out.put(name, value);
      }
    }
    return out;
  }

  public EngineSettings {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(grace, "grace");
    inherited = Map.copyOf(inherited);
    Objects.requireNonNull(runtime, "runtime");
  }
}
