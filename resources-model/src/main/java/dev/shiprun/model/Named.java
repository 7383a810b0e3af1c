package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.Objects;

/** A name written in YAML (a step's target, an integration reference) and where it was written. */
public record Named(String name, SourceLocation at) {

  public Named {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(at, "at");
  }

  @Override
  public String toString() {
    return name;
  }
}
