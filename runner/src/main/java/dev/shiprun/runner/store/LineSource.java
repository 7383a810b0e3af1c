package dev.shiprun.runner.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a daemon's assembly line comes from: its YAML files as uploaded (file name → text), or a
 * folder on the node read at each use. Exactly one of the two.
 */
public record LineSource(
    String name, Optional<Path> path, Map<String, String> files, Instant updatedAt) {

  public LineSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (path.isPresent() == !files.isEmpty()) {
      throw new IllegalArgumentException("a line comes from a path or from files, not both/none");
    }
  }

  public static LineSource uploaded(String name, Map<String, String> files, Instant at) {
    return new LineSource(name, Optional.empty(), files, at);
  }

  public static LineSource onNode(String name, Path path, Instant at) {
    return new LineSource(name, Optional.of(path), Map.of(), at);
  }
}
