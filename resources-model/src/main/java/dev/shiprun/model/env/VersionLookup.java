package dev.shiprun.model.env;

import java.util.Optional;
import java.util.OptionalLong;

/** The version a run would use of a resource or job, by name, and the resource's id. */
@FunctionalInterface
public interface VersionLookup {

  Optional<ResourceVersion> versionOf(String name);

  /**
   * The id of a resource or job ({@code <NAME>_ID}, {@code RESOURCE_ID}); a run's store knows it,
   * {@code plan} does not.
   */
  default OptionalLong idOf(String name) {
    return OptionalLong.empty();
  }
}
