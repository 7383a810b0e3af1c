package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
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

  /** State resources never trigger jobs and may be IN and OUT of one job (spec §1.4). */
  default boolean isState() {
    return this instanceof StateResource;
  }
}
