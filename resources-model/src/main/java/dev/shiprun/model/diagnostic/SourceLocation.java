package dev.shiprun.model.diagnostic;

import java.util.Objects;

/**
 * A position in a source file, 1-based. Line 0 means "the file as a whole" (an empty file, say).
 */
public record SourceLocation(String file, int line, int column) {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative");
    }
  }

  /** The location of a whole file, for problems that have no line (empty, unreadable …). */
  public static SourceLocation ofFile(String file) {
    return new SourceLocation(file, 0, 0);
  }

  public boolean hasLine() {
    return line > 0;
  }

  @Override
  public String toString() {
    return hasLine() ? file + ":" + line + ":" + column : file;
  }
}
