package dev.shiprun.model.env;

import dev.shiprun.model.Resource;
import java.util.Map;
import java.util.Optional;

/**
 * The variables a resource's type adds to an IN or OUT after the model's own (spec §3.7), by full
 * name. The runner answers from its resource types (a plugin's type among them), so {@code plan}
 * and a run show the same; the model alone knows of none.
 */
@FunctionalInterface
public interface TypeVariables {

  /** No variables for any resource. */
  TypeVariables NONE = (resource, operation, folder, version) -> Map.of();

  /**
   * @param operation {@code IN} or {@code OUT}
   * @param folder the dependency's folder, {@code <NAME>_PATH}
   * @param version the version the run reads, when there is one
   */
  Map<String, String> of(
      Resource resource, String operation, String folder, Optional<ResourceVersion> version);
}
