package dev.shiprun.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a script asks to run in a container (spec §1.3.3): the TASK's {@code runtime.options} with
 * the job's variables expanded, and what the executor must give the container so that the job's
 * paths and tools stay valid inside it.
 *
 * @param imageName the image without its tag; empty for the node's default image (whose tag then
 *     goes with it: a user's {@code imageTag} is ignored, spec §1.3.3 rule 3)
 * @param imageTag the tag, {@code latest} when the TASK gave none
 * @param pull pull before every run ({@code true}), or use the local image only
 * @param options the user's {@code options.options}, split as a shell would split them
 * @param mounts folders mounted read-write at the same path (the build folder)
 * @param readOnlyMounts folders mounted read-only at the same path ({@code shipctl}'s)
 * @param authFile the job's own registry credentials file ({@code config.json} of {@code auths}),
 *     when the job has any
 * @param registries the registries those credentials cover, with the integration each comes from
 * @param name the container's name, when the caller chose it (a CI build gives it to its scripts as
 *     {@code SHIPPABLE_CONTAINER_NAME}); empty for one the executor makes up
 */
public record ContainerRequest(
    Optional<String> imageName,
    String imageTag,
    boolean pull,
    List<String> options,
    List<Path> mounts,
    List<Path> readOnlyMounts,
    Optional<Path> authFile,
    List<RegistryGrant> registries,
    Optional<String> name) {

  public ContainerRequest {
    Objects.requireNonNull(imageName, "imageName");
    Objects.requireNonNull(imageTag, "imageTag");
    options = List.copyOf(options);
    mounts = List.copyOf(mounts);
    readOnlyMounts = List.copyOf(readOnlyMounts);
    Objects.requireNonNull(authFile, "authFile");
    registries = List.copyOf(registries);
    Objects.requireNonNull(name, "name");
  }

  /** A request whose container the executor names. */
  public ContainerRequest(
      Optional<String> imageName,
      String imageTag,
      boolean pull,
      List<String> options,
      List<Path> mounts,
      List<Path> readOnlyMounts,
      Optional<Path> authFile,
      List<RegistryGrant> registries) {
    this(
        imageName,
        imageTag,
        pull,
        options,
        mounts,
        readOnlyMounts,
        authFile,
        registries,
        Optional.empty());
  }

  /** The same request for a container named {@code containerName}. */
  public ContainerRequest named(String containerName) {
    return new ContainerRequest(
        imageName,
        imageTag,
        pull,
        options,
        mounts,
        readOnlyMounts,
        authFile,
        registries,
        Optional.of(containerName));
  }

  /**
   * One registry the job's credentials cover.
   *
   * @param registry the {@code auths} key: {@code host[:port]}, {@code docker.io} for Docker Hub
   * @param integration the name of the Docker Registry integration the credentials come from
   * @param plainHttp the integration's URL starts with {@code http://}: a registry without TLS
   */
  public record RegistryGrant(String registry, String integration, boolean plainHttp) {
    public RegistryGrant {
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(integration, "integration");
    }
  }

  /** The grant that covers {@code registry}, if any. */
  public Optional<RegistryGrant> grantFor(String registry) {
    return registries.stream().filter(g -> g.registry().equals(registry)).findFirst();
  }
}
