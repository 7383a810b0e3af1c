package dev.shiprun.runner.cli;

import dev.shiprun.runner.container.ContainerSettings;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --container-cli} and {@code --default-image}: which container command runs container
 * scripts and the image of those that name none, each also from its environment variable.
 */
public class ContainerEngineOptions {

  /** The variable of {@code --container-cli}. */
  public static final String CLI_VARIABLE = "SHIPRUN_CONTAINER_CLI";

  /** The variable of {@code --default-image}. */
  public static final String IMAGE_VARIABLE = "SHIPRUN_DEFAULT_IMAGE";

  @Option(
      names = "--container-cli",
      paramLabel = "CLI",
      description =
          "The container command: podman, docker or a path to one. Default:"
              + " $SHIPRUN_CONTAINER_CLI, else podman on the PATH, else docker.")
  Optional<String> cli = Optional.empty();

  @Option(
      names = "--default-image",
      paramLabel = "IMAGE",
      description =
          "The image of container TASKs that name none. Default: $SHIPRUN_DEFAULT_IMAGE, else a"
              + " small Debian image with bash from Docker Hub, named "
              + ContainerSettings.DEFAULT_IMAGE
              + ".")
  Optional<String> defaultImage = Optional.empty();

  /** The container command asked for; empty to find podman, else docker. */
  public Optional<String> cli(Map<String, String> environment) {
    return cli.or(() -> variable(environment, CLI_VARIABLE));
  }

  /** Where {@link #cli} came from, for messages: the option or the variable. */
  public String cliSource() {
    return cli.isPresent() ? "--container-cli" : CLI_VARIABLE;
  }

  public String defaultImage(Map<String, String> environment) {
    return defaultImage
        .or(() -> variable(environment, IMAGE_VARIABLE))
        .orElse(ContainerSettings.DEFAULT_IMAGE);
  }

  private static Optional<String> variable(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
