package dev.shiprun.runner.container;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How this node runs containers.
 *
 * @param cli the container command ({@code podman}, {@code docker} or a path to one); empty to find
 *     one on the PATH
 * @param defaultImage the image of a container script that names none ({@code name:tag})
 * @param grace how long a stopped container gets between TERM and KILL
 * @param engineEnvironment variables the container command itself runs with, set over shiprun's own
 *     environment (e.g. {@code CONTAINERS_CONF}); never the job's
 */
public record ContainerSettings(
    Optional<String> cli,
    String defaultImage,
    Duration grace,
    Map<String, String> engineEnvironment) {

  /** A small Debian image with bash, for scripts that name no image. */
  public static final String DEFAULT_IMAGE = "docker.io/library/debian:bookworm-slim";

  public ContainerSettings {
    Objects.requireNonNull(cli, "cli");
    Objects.requireNonNull(defaultImage, "defaultImage");
    Objects.requireNonNull(grace, "grace");
    engineEnvironment = Map.copyOf(engineEnvironment);
  }
}
