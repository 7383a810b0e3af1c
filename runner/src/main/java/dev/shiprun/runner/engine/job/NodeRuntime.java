package dev.shiprun.runner.engine.job;

import dev.shiprun.runner.container.ContainerSettings;
import dev.shiprun.runner.exec.HostExecutor;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where this node runs the scripts that do not say where (a TASK without {@code runtime.container}
 * or {@code imageName} in a job without {@code runtime.container}), and how it runs containers.
 *
 * @param runtimeDefault the name of the executor of those scripts: {@code host}, {@code container}
 *     or a plugin executor's
 * @param defaultImage the image of a container script that names none ({@code name:tag})
 * @param containerCli the container command ({@code podman}, {@code docker} or a path); empty to
 *     find one on the PATH
 * @param engineEnvironment the environment the container command runs with (shiprun's own, such as
 *     {@code CONTAINERS_CONF}), never a job's
 * @param jobTypeSettings the node's settings for job types, by name (such as {@code
 *     ciImage.node_js}); see {@link dev.shiprun.spi.JobContext#nodeSetting}
 */
public record NodeRuntime(
    String runtimeDefault,
    String defaultImage,
    Optional<String> containerCli,
    Map<String, String> engineEnvironment,
    Map<String, String> jobTypeSettings) {

  public NodeRuntime {
    Objects.requireNonNull(runtimeDefault, "runtimeDefault");
    Objects.requireNonNull(defaultImage, "defaultImage");
    Objects.requireNonNull(containerCli, "containerCli");
    engineEnvironment = Map.copyOf(engineEnvironment);
    jobTypeSettings = Map.copyOf(jobTypeSettings);
  }

  /** Without settings for job types. */
  public NodeRuntime(
      String runtimeDefault,
      String defaultImage,
      Optional<String> containerCli,
      Map<String, String> engineEnvironment) {
    this(runtimeDefault, defaultImage, containerCli, engineEnvironment, Map.of());
  }

  /** Scripts on the host unless they ask for a container, of the documented default image. */
  public static NodeRuntime defaults(Map<String, String> engineEnvironment) {
    return new NodeRuntime(
        HostExecutor.NAME, ContainerSettings.DEFAULT_IMAGE, Optional.empty(), engineEnvironment);
  }
}
