package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A resource of an assembly line. The closed set of types the runner treats specially. */
public sealed interface Resource
    permits ImageResource,
        IntegrationResource,
        ParamsResource,
        GitRepoResource,
        StateResource,
        TimeResource,
        VersionResource,
        CliConfigResource,
        NotificationResource,
        TriggerResource,
        GenericResource {

  ResourceHeader header();

  default String name() {
    return header().name();
  }

  default String type() {
    return header().type();
  }

  default Optional<Named> integration() {
    return header().integration();
  }

  default ResourceDefinition definition() {
    return header().definition();
  }

  default SourceLocation at() {
    return header().at();
  }

  /** Calls the method of {@code visitor} for this kind of resource. */
  <T> T accept(ResourceVisitor<T> visitor);

  /**
   * The YAML of this resource as plain values ({@code name}, {@code type}, {@code integration} and
   * the version-defining sections), as a version keeps it in {@code propertyBag.yml}.
   */
  default Map<String, Object> yml() {
    Map<String, Object> yml = new LinkedHashMap<>();
    yml.put("name", name());
    yml.put("type", type());
    integration().ifPresent(i -> yml.put("integration", i.name()));
    ResourceDefinition d = definition();
    d.pointer().ifPresent(v -> yml.put("pointer", v.toPlain()));
    d.seed().ifPresent(v -> yml.put("seed", v.toPlain()));
    d.version().ifPresent(v -> yml.put("version", v.toPlain()));
    d.versionTemplate().ifPresent(v -> yml.put("versionTemplate", v.toPlain()));
    return yml;
  }

  /**
   * State resources never trigger jobs, may be IN and OUT of one job (spec §1.4) and may be read
   * before they have a version.
   */
  default boolean isState() {
    return false;
  }

  /**
   * Whether an IN or OUT of it has a folder of its own files, {@code <NAME>_STATE}: every kind but
   * params, whose folder holds only its {@code params} file.
   */
  default boolean hasStateFolder() {
    return true;
  }

  /** Whether its YAML values are templated with the job's variables (spec §3.9); params never. */
  default boolean isTemplated() {
    return true;
  }

  /** Whether it exists to expose an integration, so it must name one (integration, cliConfig). */
  default boolean needsIntegration() {
    return false;
  }

  /** Whether NOTIFY may name it (a notification resource). */
  default boolean isNotificationTarget() {
    return false;
  }

  /** This resource as a params resource, when it is one. */
  default Optional<ParamsResource> asParams() {
    return Optional.empty();
  }

  /** This resource as a gitRepo, when it is one. */
  default Optional<GitRepoResource> asGitRepo() {
    return Optional.empty();
  }

  /** This resource as a trigger a user fires, when it is one. */
  default Optional<TriggerResource> asTrigger() {
    return Optional.empty();
  }
}
