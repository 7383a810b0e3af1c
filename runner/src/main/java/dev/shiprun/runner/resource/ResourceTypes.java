package dev.shiprun.runner.resource;

import dev.shiprun.model.CliConfigResource;
import dev.shiprun.model.GenericResource;
import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.ImageResource;
import dev.shiprun.model.IntegrationResource;
import dev.shiprun.model.NotificationResource;
import dev.shiprun.model.ParamsResource;
import dev.shiprun.model.Resource;
import dev.shiprun.model.ResourceVisitor;
import dev.shiprun.model.StateResource;
import dev.shiprun.model.TimeResource;
import dev.shiprun.model.TriggerResource;
import dev.shiprun.model.VersionResource;
import dev.shiprun.model.env.TypeVariables;
import dev.shiprun.spi.Dependency;
import dev.shiprun.spi.ResourceType;
import dev.shiprun.spi.ResourceVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The resource types shiprun knows, and which one a resource has. A resource the model has a record
 * for (image, gitRepo, params …) has the built-in type of that record; any other ({@link
 * GenericResource}) the type named as its {@code type:} (a plugin's, or a built-in such as ciRepo),
 * else the generic one. Immutable and thread-safe.
 */
public final class ResourceTypes {

  private final Map<String, ResourceType> byName;

  /**
   * @param types the built-in types and those of plugins; each name once, the generic type and one
   *     type per record of the model among them
   * @throws IllegalArgumentException when two types share a name or a built-in one is missing
   */
  public ResourceTypes(List<ResourceType> types) {
    Map<String, ResourceType> map = new LinkedHashMap<>();
    for (ResourceType type : types) {
      ResourceType before = map.putIfAbsent(type.name(), type);
      if (before != null) {
        throw new IllegalArgumentException(
            "resource type '"
                + type.name()
                + "' is defined twice ("
                + before.getClass().getName()
                + " and "
                + type.getClass().getName()
                + "); remove one of them");
      }
    }
    this.byName = Collections.unmodifiableMap(map);
    for (String name : BuiltIn.NAMES) {
      if (!byName.containsKey(name)) {
        throw new IllegalArgumentException(
            "no resource type '" + name + "': the runner's built-in types are incomplete");
      }
    }
  }

  /** The types registered in {@code META-INF/services/dev.shiprun.spi.ResourceType}. */
  public static ResourceTypes load(ClassLoader loader) {
    List<ResourceType> types = new ArrayList<>();
    ServiceLoader.load(ResourceType.class, loader).forEach(types::add);
    return new ResourceTypes(types);
  }

  /** The types on the runner's own class path (built-ins, and any test types). */
  public static ResourceTypes load() {
    return load(ResourceTypes.class.getClassLoader());
  }

  /** The type of {@code resource}. */
  public ResourceType of(Resource resource) {
    return byName.get(resource.accept(BuiltIn.INSTANCE).orElseGet(() -> generic(resource)));
  }

  /**
   * Whether {@code typeName} names a type a resource's {@code type:} may give (not the generic
   * one).
   */
  public boolean knows(String typeName) {
    return byName.containsKey(typeName) && !typeName.equals(GenericResourceType.NAME);
  }

  /** Every type, in the order given. */
  public List<ResourceType> all() {
    return List.copyOf(byName.values());
  }

  /** What each type adds to an IN's or OUT's variables, as the model's planners ask for it. */
  public TypeVariables variables() {
    return (resource, operation, folder, version) ->
        of(resource)
            .variables(
                new Dependency(
                    resource,
                    operation,
                    Path.of(folder),
                    version.map(v -> new ResourceVersion(v.versionName(), v.propertyBag()))));
  }

  private String generic(Resource resource) {
    return byName.containsKey(resource.type()) ? resource.type() : GenericResourceType.NAME;
  }

  /** The built-in type's name for each record; empty for a generic resource. */
  private static final class BuiltIn implements ResourceVisitor<Optional<String>> {

    static final BuiltIn INSTANCE = new BuiltIn();

    static final List<String> NAMES =
        List.of(
            "image",
            "integration",
            "params",
            "gitRepo",
            "state",
            "time",
            "version",
            "cliConfig",
            "notification",
            TriggerResource.TYPE,
            GenericResourceType.NAME);

    private static Optional<String> named(String name) {
      return Optional.of(name);
    }

    @Override
    public Optional<String> image(ImageResource resource) {
      return named("image");
    }

    @Override
    public Optional<String> integration(IntegrationResource resource) {
      return named("integration");
    }

    @Override
    public Optional<String> params(ParamsResource resource) {
      return named("params");
    }

    @Override
    public Optional<String> gitRepo(GitRepoResource resource) {
      return named("gitRepo");
    }

    @Override
    public Optional<String> state(StateResource resource) {
      return named("state");
    }

    @Override
    public Optional<String> time(TimeResource resource) {
      return named("time");
    }

    @Override
    public Optional<String> version(VersionResource resource) {
      return named("version");
    }

    @Override
    public Optional<String> cliConfig(CliConfigResource resource) {
      return named("cliConfig");
    }

    @Override
    public Optional<String> notification(NotificationResource resource) {
      return named("notification");
    }

    @Override
    public Optional<String> trigger(TriggerResource resource) {
      return named(TriggerResource.TYPE);
    }

    @Override
    public Optional<String> generic(GenericResource resource) {
      return Optional.empty();
    }
  }
}
