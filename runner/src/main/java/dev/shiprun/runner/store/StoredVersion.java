package dev.shiprun.runner.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An immutable version of a resource or job (spec §1.5): its number within the line, the optional
 * versionName, the propertyBag, the sha of its saved files (job state, state resources) and the run
 * that made it (none for versions made from the YAML).
 */
public record StoredVersion(
    long id,
    String line,
    String name,
    VersionKind kind,
    int number,
    Optional<String> versionName,
    Map<String, Object> propertyBag,
    Optional<String> filesSha,
    OptionalLong createdByRun,
    Instant createdAt) {

  public StoredVersion {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(versionName, "versionName");
    // JSON properties may hold nulls, which Map.copyOf refuses.
    propertyBag = Collections.unmodifiableMap(new LinkedHashMap<>(propertyBag));
    Objects.requireNonNull(filesSha, "filesSha");
    Objects.requireNonNull(createdByRun, "createdByRun");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
