package dev.shiprun.spi;

import dev.shiprun.model.Resource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An IN or OUT of a job's run as a resource type sees it.
 *
 * @param resource the resource as the YAML defines it
 * @param operation {@code IN} or {@code OUT}
 * @param folder the dependency's folder in the build folder ({@code <NAME>_PATH})
 * @param version the version the run reads, when there is one
 * @param variables the job's variables set before this dependency's own (spec §3.9)
 */
public record Dependency(
    Resource resource,
    String operation,
    Path folder,
    Optional<ResourceVersion> version,
    Map<String, String> variables) {

  public Dependency {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(version, "version");
    variables = Map.copyOf(variables);
  }

  public boolean isIn() {
    return operation.equals("IN");
  }
}
