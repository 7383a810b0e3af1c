package dev.shiprun.spi;

import dev.shiprun.model.Resource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An OUT of a successful run, from which its type makes the version to post (spec §1.5.1).
 *
 * @param resource the resource as the YAML defines it
 * @param folder the OUT's folder in the build folder ({@code <NAME>_PATH})
 * @param latest the resource's latest version, the one the run started from
 * @param overwrite the step's {@code overwrite: true}
 * @param replica the version the step's {@code replicate:} names, with the properties its type lets
 *     a replicate copy; empty without {@code replicate:} or when that resource has none
 * @param stateEnv the {@code KEY=value} lines the job wrote to {@code $JOB_STATE/<name>.env}, in
 *     order
 * @param packer packs a folder into files a version keeps
 */
public record OutRun(
    Resource resource,
    Path folder,
    Optional<ResourceVersion> latest,
    boolean overwrite,
    Optional<ResourceVersion> replica,
    Map<String, String> stateEnv,
    Packer packer) {

  /** Packs a folder's files for a version to keep. */
  @FunctionalInterface
  public interface Packer {
    SavedFiles pack(Path folder) throws IOException;
  }

  /** Properties {@code overwrite: true} keeps: those of the commit a version came from. */
  public static final Set<String> KEPT_ON_OVERWRITE =
      Set.of("shaData", "webhookRequestHeaders", "webhookRequestBody");

  public OutRun {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(latest, "latest");
    Objects.requireNonNull(replica, "replica");
    stateEnv = Collections.unmodifiableMap(new LinkedHashMap<>(stateEnv));
    Objects.requireNonNull(packer, "packer");
  }

  /**
   * The spec's rule: {@link #start(Map)}, then each line of {@code $JOB_STATE/<name>.env}: {@code
   * versionName} names the version, any other key sets that property.
   */
  public ResourceVersion standard() {
    ResourceVersion start = start(Map.of());
    Optional<String> name = start.versionName();
    Map<String, Object> bag = new LinkedHashMap<>(start.propertyBag());
    for (Map.Entry<String, String> e : stateEnv.entrySet()) {
      if (e.getKey().equals("versionName")) {
        name = Optional.of(e.getValue());
      } else {
        bag.put(e.getKey(), e.getValue());
      }
    }
    return new ResourceVersion(name, bag);
  }

  /**
   * What the run starts from before its own lines: the latest version; with {@code overwrite} only
   * its {@link #KEPT_ON_OVERWRITE} properties and {@code alsoKept}; then the replica's versionName
   * and properties over it.
   */
  public ResourceVersion start(Map<String, Object> alsoKept) {
    Optional<String> name = latest.flatMap(ResourceVersion::versionName);
    Map<String, Object> bag =
        new LinkedHashMap<>(latest.map(ResourceVersion::propertyBag).orElse(Map.of()));
    if (overwrite) {
      Map<String, Object> kept = new LinkedHashMap<>();
      for (String key : KEPT_ON_OVERWRITE) {
        if (bag.containsKey(key)) {
          kept.put(key, bag.get(key));
        }
      }
      kept.putAll(alsoKept);
      bag = kept;
    }
    if (replica.isPresent()) {
      name = replica.get().versionName();
      bag.putAll(replica.get().propertyBag());
    }
    return new ResourceVersion(name, bag);
  }

  /**
   * Packs the files of {@code folder} (usually {@code <folder>/<type>}) for the version to keep.
   */
  public SavedFiles pack(Path folder) throws IOException {
    return packer.pack(folder);
  }
}
