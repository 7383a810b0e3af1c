package dev.shiprun.model.yaml;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.Objects;

/**
 * The anchor an alias took its value from: its name (without the {@code &}) and where it is
 * defined. A value read through an alias stands where the alias is written and keeps this, so a
 * diagnostic can point at the use and name the definition.
 */
public record YamlAnchor(String name, SourceLocation at) {

  public YamlAnchor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(at, "at");
  }

  /** "the anchor '&name' is defined at FILE:L:C", a note for diagnostics. */
  public String note() {
    return "the anchor '&" + name + "' is defined at " + at;
  }
}
