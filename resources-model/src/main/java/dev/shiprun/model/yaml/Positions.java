package dev.shiprun.model.yaml;

import java.util.Objects;

/** The checks {@code SourceLocation} makes, for values that keep their position as fields. */
final class Positions {

  private Positions() {}

  static void check(String file, int line, int column) {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative");
    }
  }
}
