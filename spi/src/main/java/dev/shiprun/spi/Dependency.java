package dev.shiprun.spi;

import dev.shiprun.model.Resource;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An IN or OUT of a job's run as a resource type sees it.
 *
 * @param resource the resource as the YAML defines it
 * @param operation {@code IN} or {@code OUT}
 * @param folder the dependency's folder in the build folder ({@code <NAME>_PATH})
 * @param version the version the run reads (an OUT: the latest one), when there is one
 */
public record Dependency(
    Resource resource, String operation, Path folder, Optional<ResourceVersion> version) {

  public Dependency {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(version, "version");
  }

  public boolean isIn() {
    return operation.equals("IN");
  }

  /** The folder of the resource's own files, {@code <NAME>_STATE}: {@code <folder>/<type>}. */
  public Path stateFolder() {
    return folder.resolve(resource.type());
  }
}
