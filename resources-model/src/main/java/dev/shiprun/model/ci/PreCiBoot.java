package dev.shiprun.model.ci;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code build.pre_ci_boot}: the image the CI container runs ({@code image_name}, {@code
 * image_tag}), whether to pull it, the {@code docker run} options and an {@code env} string.
 */
public record PreCiBoot(
    Optional<String> imageName,
    Optional<String> imageTag,
    Optional<Boolean> pull,
    Optional<String> options,
    Optional<String> env) {

  public static final PreCiBoot NONE =
      new PreCiBoot(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public PreCiBoot {
    Objects.requireNonNull(imageName, "imageName");
    Objects.requireNonNull(imageTag, "imageTag");
    Objects.requireNonNull(pull, "pull");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(env, "env");
  }
}
