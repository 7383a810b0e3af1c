package dev.shiprun.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A version of a resource as a plugin sees it: its {@code versionName} and its property bag (plain
 * values: strings, numbers, booleans, lists and maps).
 */
public record ResourceVersion(Optional<String> versionName, Map<String, Object> propertyBag) {

  public ResourceVersion {
    Objects.requireNonNull(versionName, "versionName");
    propertyBag = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(propertyBag));
  }
}
