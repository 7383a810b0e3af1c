package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.Objects;

/** {@code NOTIFY: <notification resource>}, in steps or in an on_* section. */
public record NotifyStep(Named target, SourceLocation at) implements Step {

  public NotifyStep {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(at, "at");
  }
}
