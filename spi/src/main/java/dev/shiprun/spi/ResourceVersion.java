package dev.shiprun.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A version of a resource as a type sees it: its {@code versionName}, its property bag (plain
 * values: strings, numbers, booleans, lists and maps) and the files it keeps, if any (a state
 * resource's).
 */
public record ResourceVersion(
    Optional<String> versionName, Map<String, Object> propertyBag, Optional<SavedFiles> files) {

  public ResourceVersion {
    Objects.requireNonNull(versionName, "versionName");
    propertyBag = Collections.unmodifiableMap(new LinkedHashMap<>(propertyBag));
    Objects.requireNonNull(files, "files");
  }

  /** A version without files. */
  public ResourceVersion(Optional<String> versionName, Map<String, Object> propertyBag) {
    this(versionName, propertyBag, Optional.empty());
  }
}
