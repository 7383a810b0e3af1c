package dev.shiprun.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A TASK's {@code runtime:}: host or container, the image, docker options and extra env. */
public record TaskRuntime(
    Optional<Boolean> container,
    Optional<String> imageName,
    Optional<String> imageTag,
    boolean pull,
    Optional<String> options,
    List<TaskEnv> env) {

  public static final TaskRuntime DEFAULT =
      new TaskRuntime(
          Optional.empty(), Optional.empty(), Optional.empty(), true, Optional.empty(), List.of());

  public TaskRuntime {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(imageName, "imageName");
    Objects.requireNonNull(imageTag, "imageTag");
    Objects.requireNonNull(options, "options");
    env = List.copyOf(env);
  }
}
