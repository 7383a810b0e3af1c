package dev.shiprun.spi;

import dev.shiprun.model.Resource;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * One resource type (spec §3): everything shiprun does for a resource of this {@code type:} — the
 * version its YAML gives, what an IN or OUT of it finds in the build folder, the variables it adds,
 * the version a job's run posts for it, and whether a new version triggers the jobs that read it.
 * The engine never asks which type a resource is; it asks the resource's type.
 */
public interface ResourceType extends Plugin {

  /**
   * The version the YAML defines before any job writes one (spec §1.5 (a)), or empty when this
   * resource's versions come only from jobs.
   */
  default Optional<ResourceVersion> seed(Resource resource) {
    return Optional.empty();
  }

  /** Writes what an IN or OUT of this type finds in its folder besides {@code version.json}. */
  default void materialise(Dependency dependency) throws IOException {}

  /**
   * The variables an IN or OUT of this type adds to the job's environment besides the common {@code
   * <NAME>_*} set (spec §3.4), by full name.
   */
  default Map<String, String> variables(Dependency dependency) {
    return Map.of();
  }

  /** Whether a new version of a resource of this type triggers the jobs that read it. */
  default boolean triggersJobs() {
    return true;
  }
}
