package dev.shiprun.runner.plugin;

import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.spi.IntegrationTypeProvider;
import dev.shiprun.spi.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plugins shiprun loaded, built-in and from jars: what each kind has, and the model's objects
 * built with them (the resource types a line may use, the integration types).
 */
public final class Plugins {

  private final List<LoadedPlugin> listed;
  private final Map<Class<?>, List<?>> instances;
  private final IntegrationTypes integrationTypes;
  private final ResourceTypes resourceTypes;

  Plugins(List<LoadedPlugin> listed, Map<Class<?>, List<?>> instances) {
    this.listed = List.copyOf(listed);
    this.instances = Map.copyOf(instances);
    this.integrationTypes =
        IntegrationTypes.builtInAnd(
            of(IntegrationTypeProvider.class).stream().flatMap(p -> p.types().stream()).toList());
    this.resourceTypes = new ResourceTypes(of(ResourceType.class));
  }

  /** Every name loaded, built-ins first, then the jars' in the order they were read. */
  public List<LoadedPlugin> listed() {
    return listed;
  }

  /** The plugins of the kind whose interface is {@code service}, built-ins first. */
  public <T> List<T> of(Class<T> service) {
    List<?> found = instances.getOrDefault(service, List.of());
    List<T> out = new ArrayList<>();
    found.forEach(p -> out.add(service.cast(p)));
    return out;
  }

  /** The built-in resource types and those the plugins add. */
  public ResourceTypes resourceTypes() {
    return resourceTypes;
  }

  /** The built-in integration types and those the plugins add. */
  public IntegrationTypes integrationTypes() {
    return integrationTypes;
  }

  /** A loader of assembly lines that knows the resource types of the plugins. */
  public AssemblyLineLoader lineLoader() {
    return new AssemblyLineLoader(resourceTypes::knows);
  }
}
