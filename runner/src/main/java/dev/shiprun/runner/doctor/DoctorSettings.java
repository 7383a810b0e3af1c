package dev.shiprun.runner.doctor;

import dev.shiprun.runner.plugin.Plugins;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code shiprun doctor} looks at.
 *
 * @param home the shiprun home (resolved, absolute)
 * @param environment the caller's environment: the PATH jobs get, the container engine's settings
 * @param containerCli the container command asked for ({@code podman}, {@code docker} or a path);
 *     empty to find one as the container executor does (podman, else docker)
 * @param containerCliSource where {@code containerCli} came from, for the report
 * @param defaultImage the image of a container script that names none
 * @param pullCheck whether to ask the default image's registry (may wait on the network)
 * @param plugins loads the home's plugins; throws {@code PluginException} on a refusal
 */
public record DoctorSettings(
    Path home,
    Map<String, String> environment,
    Optional<String> containerCli,
    String containerCliSource,
    String defaultImage,
    boolean pullCheck,
    Supplier<Plugins> plugins) {

  public DoctorSettings {
    Objects.requireNonNull(home, "home");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(containerCli, "containerCli");
    Objects.requireNonNull(containerCliSource, "containerCliSource");
    Objects.requireNonNull(defaultImage, "defaultImage");
    Objects.requireNonNull(plugins, "plugins");
  }
}
