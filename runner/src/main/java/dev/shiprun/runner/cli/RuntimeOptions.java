package dev.shiprun.runner.cli;

import dev.shiprun.runner.engine.job.NodeRuntime;
import dev.shiprun.runner.exec.HostExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where the commands that run jobs ({@code run}, {@code trigger}, {@code daemon}) run a script that
 * does not say, and how they run containers: each option, else its variable, else the default.
 */
public class RuntimeOptions {

  static final String RUNTIME_DEFAULT_VARIABLE = "SHIPRUN_RUNTIME_DEFAULT";

  @Option(
      names = "--runtime-default",
      paramLabel = "NAME",
      description =
          "Where a TASK runs when neither it nor its job sets runtime.container or an image:"
              + " host, container, or a plugin executor's name. Default: $"
              + RUNTIME_DEFAULT_VARIABLE
              + ", else host.")
  String runtimeDefault;

  @Mixin ContainerEngineOptions engine = new ContainerEngineOptions();

  @Mixin CiImageOptions ciImages = new CiImageOptions();

  /**
   * The node's runtime from the options, else the variables of {@code caller}; the container
   * command runs with {@code caller}. The settings for job types are the CI images of the options
   * and of {@code home}'s file.
   *
   * @param executors the names of the executors the engine will have
   * @throws ParameterException when the default names no executor, or the default image holds a
   *     blank
   */
  NodeRuntime runtime(
      CommandSpec spec, Map<String, String> caller, List<String> executors, Path home) {
    String executor =
        given(runtimeDefault, caller.get(RUNTIME_DEFAULT_VARIABLE)).orElse(HostExecutor.NAME);
    if (!executors.contains(executor)) {
      boolean fromOption = runtimeDefault != null && !runtimeDefault.isBlank();
      throw new ParameterException(
          spec.commandLine(),
          (fromOption ? "--runtime-default '" : "the runtime default '")
              + executor
              + (fromOption ? "'" : "' of " + RUNTIME_DEFAULT_VARIABLE)
              + " names no executor; the executors here are "
              + String.join(", ", executors)
              + " (a plugin jar in the home's plugins folder adds one)");
    }
    String image = engine.defaultImage(caller);
    if (image.chars().anyMatch(Character::isWhitespace)) {
      throw new ParameterException(
          spec.commandLine(),
          "the default image '" + image + "' holds a blank; give one image as name:tag");
    }
    return new NodeRuntime(
        executor, image, engine.cli(caller), caller, ciImages.settings(spec, home));
  }

  private static Optional<String> given(String option, String variable) {
    if (option != null && !option.isBlank()) {
      return Optional.of(option.strip());
    }
    return variable == null || variable.isBlank()
        ? Optional.empty()
        : Optional.of(variable.strip());
  }
}
