package dev.shiprun.runner.engine.job;

import dev.shiprun.spi.Executor;
import dev.shiprun.spi.JobType;
import dev.shiprun.spi.Notifier;
import dev.shiprun.spi.Plugin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugins a job's run is made of: its job type, the executor of its scripts, the notifiers of
 * its NOTIFY entries, each chosen by name, from the built-in plugins and those of plugin jars (see
 * {@code runner.plugin.PluginLoader}).
 */
public final class JobPlugins {

  private final Map<String, JobType> jobTypes = new LinkedHashMap<>();
  private final Map<String, Executor> executors = new LinkedHashMap<>();
  private final Map<String, Notifier> notifiers = new LinkedHashMap<>();

  /**
   * @throws IllegalArgumentException when two plugins of one kind share a name (two job types a
   *     type, two notifiers a method), naming both
   */
  public JobPlugins(List<JobType> jobTypes, List<Executor> executors, List<Notifier> notifiers) {
    jobTypes.forEach(t -> t.types().forEach(y -> add(this.jobTypes, y, t, "job type")));
    executors.forEach(e -> add(this.executors, e.name(), e, "executor"));
    notifiers.forEach(n -> n.methods().forEach(m -> add(this.notifiers, m, n, "notify method")));
  }

  private static <T extends Plugin> void add(
      Map<String, T> into, String name, T plugin, String kind) {
    T before = into.putIfAbsent(name, plugin);
    if (before != null) {
      throw new IllegalArgumentException(
          "two plugins give the "
              + kind
              + " '"
              + name
              + "': "
              + before.getClass().getName()
              + " and "
              + plugin.getClass().getName()
              + "; remove one of their jars");
    }
  }

  /** The type of jobs with {@code type: <name>}. */
  public Optional<JobType> jobType(String name) {
    return Optional.ofNullable(jobTypes.get(name));
  }

  /** The executor named {@code name}. */
  public Optional<Executor> executor(String name) {
    return Optional.ofNullable(executors.get(name));
  }

  /** The notifier of {@code method} (see {@link dev.shiprun.spi.Notification#method()}). */
  public Optional<Notifier> notifier(String method) {
    return Optional.ofNullable(notifiers.get(method));
  }
}
