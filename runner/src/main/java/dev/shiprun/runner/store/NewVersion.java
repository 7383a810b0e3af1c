package dev.shiprun.runner.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A version to post; the store gives it the next number of its name. */
public record NewVersion(
    String line,
    String name,
    VersionKind kind,
    Optional<String> versionName,
    Map<String, Object> propertyBag,
    Optional<StateArchive.Packed> files,
    OptionalLong createdByRun) {

  public NewVersion {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(versionName, "versionName");
    Objects.requireNonNull(propertyBag, "propertyBag");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(createdByRun, "createdByRun");
  }
}
