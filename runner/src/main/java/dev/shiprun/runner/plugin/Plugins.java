package dev.shiprun.runner.plugin;

import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.runner.git.Git;
import dev.shiprun.runner.git.RepositoryNames;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.spi.IntegrationTypeProvider;
import dev.shiprun.spi.ResourceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The plugins shiprun loaded, built-in and from jars: what each kind has, and the model's objects
 * built with them (the resource types a line may use, the integration types), made when first asked
 * for.
 */
public final class Plugins {

  /** How long naming a repository may wait for git (it reads a local config). */
  private static final Duration GIT_LIMIT = Duration.ofSeconds(30);

  private final Supplier<List<LoadedPlugin>> listed;
  private final Function<Class<?>, List<?>> instances;
  private IntegrationTypes integrationTypes;
  private ResourceTypes resourceTypes;

  /**
   * @param listed every name loaded, in the order {@link #listed} gives them
   * @param instances the plugin objects of the kind whose interface is the argument
   */
  Plugins(Supplier<List<LoadedPlugin>> listed, Function<Class<?>, List<?>> instances) {
    this.listed = listed;
    this.instances = instances;
  }

  /** Every name loaded, built-ins first, then the jars' in the order they were read. */
  public List<LoadedPlugin> listed() {
    return listed.get();
  }

  /** The plugins of the kind whose interface is {@code service}, built-ins first. */
  public <T> List<T> of(Class<T> service) {
    List<T> out = new ArrayList<>();
    instances.apply(service).forEach(p -> out.add(service.cast(p)));
    return out;
  }

  /** The built-in resource types and those the plugins add. */
  public synchronized ResourceTypes resourceTypes() {
    if (resourceTypes == null) {
      resourceTypes = new ResourceTypes(of(ResourceType.class));
    }
    return resourceTypes;
  }

  /** The built-in integration types and those the plugins add. */
  public synchronized IntegrationTypes integrationTypes() {
    if (integrationTypes == null) {
      integrationTypes =
          IntegrationTypes.builtInAnd(
              of(IntegrationTypeProvider.class).stream().flatMap(p -> p.types().stream()).toList());
    }
    return integrationTypes;
  }

  /**
   * A loader of assembly lines that knows the resource types of the plugins; the repository whose
   * shippable.yml has CI keys is named by its git remote, else its folder.
   */
  public AssemblyLineLoader lineLoader() {
    return lineLoader(Optional.empty());
  }

  /** As {@link #lineLoader()}, the repository named {@code repoName} when given. */
  public AssemblyLineLoader lineLoader(Optional<String> repoName) {
    ResourceTypes types = resourceTypes();
    return new AssemblyLineLoader(types::knows)
        .namingRepositories(new RepositoryNames(repoName, new Git(GIT_LIMIT)));
  }
}
