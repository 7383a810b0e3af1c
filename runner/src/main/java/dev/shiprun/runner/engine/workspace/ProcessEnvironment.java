package dev.shiprun.runner.engine.workspace;

import dev.shiprun.model.TaskEnv;
import dev.shiprun.model.TaskStep;
import dev.shiprun.model.env.EnvNames;
import dev.shiprun.model.env.EnvValue;
import dev.shiprun.model.env.EnvVar;
import dev.shiprun.model.env.JobEnv;
import dev.shiprun.spi.ContainerRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment a job's bash gets, and nothing else (not the runner's own): the allow-list of the
 * caller's variables and the {@code --env} entries, then the job's variables in spec §3.6 order
 * (Shippable's variables win over the user's), {@code shipctl} first on PATH, and per TASK its
 * {@code TASK_NAME} and {@code runtime.options.env} last (they override, §3.6 point 3).
 */
public final class ProcessEnvironment {

  private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

  private ProcessEnvironment() {}

  public static Map<String, String> job(
      JobEnv env, Path shipctlFolder, Map<String, String> inherited) {
    Map<String, String> out = new LinkedHashMap<>(inherited);
    out.putAll(values(env));
    out.put("PATH", shipctlFolder + ":" + inherited.getOrDefault("PATH", DEFAULT_PATH));
    out.put("SHIPPABLE_NODE_OPERATING_SYSTEM", "linux");
    return out;
  }

  /** The variables as a process gets them: secrets revealed, in the environment's order. */
  public static Map<String, String> values(JobEnv env) {
    Map<String, String> out = new LinkedHashMap<>();
    for (EnvVar v : env.variables()) {
      EnvValue value = v.value();
      out.put(
          v.name(),
          value instanceof EnvValue.Hidden h
              ? h.secret().reveal()
              : ((EnvValue.Plain) value).text());
    }
    return out;
  }

  /**
   * A TASK's variables: the job's, its name, whether it runs in a container and, when it does, the
   * image, whether it is pulled and the user's options (spec §3), then its {@code
   * runtime.options.env}.
   *
   * @param defaultImage the image of a container without an {@code imageName}
   */
  public static Map<String, String> task(
      Map<String, String> job,
      String taskName,
      TaskStep task,
      Optional<ContainerRequest> container,
      String defaultImage) {
    Map<String, String> out = new LinkedHashMap<>(job);
    out.put("TASK_NAME", taskName);
    out.put("TASK_IN_CONTAINER", Boolean.toString(container.isPresent()));
    container.ifPresent(
        c -> {
          out.put(
              "TASK_CONTAINER_IMAGE",
              c.imageName().map(n -> n + ":" + c.imageTag()).orElse(defaultImage));
          out.put("TASK_CONTAINER_IMAGE_SHOULD_PULL", Boolean.toString(c.pull()));
          out.put("TASK_CONTAINER_OPTIONS", task.runtime().options().orElse(""));
        });
    for (TaskEnv e : task.runtime().env()) {
      out.put(EnvNames.sanitize(e.key()), e.value());
    }
    return out;
  }
}
