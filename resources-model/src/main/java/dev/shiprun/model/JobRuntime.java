package dev.shiprun.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** A job's {@code runtime:} section. */
public record JobRuntime(
    Optional<String> nodePool, Optional<Boolean> container, OptionalInt timeoutMinutes) {

  public static final JobRuntime DEFAULT =
      new JobRuntime(Optional.empty(), Optional.empty(), OptionalInt.empty());

  public JobRuntime {
    Objects.requireNonNull(nodePool, "nodePool");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(timeoutMinutes, "timeoutMinutes");
  }
}
