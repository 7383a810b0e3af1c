package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.Objects;

/** One entry of a TASK's {@code runtime.options.env}, key as written. */
public record TaskEnv(String key, String value, SourceLocation at) {

  public TaskEnv {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(at, "at");
  }
}
