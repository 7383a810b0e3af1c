package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.Objects;

/** One item of a {@code script:} list: run as one unit (it may hold many lines). */
public record ScriptLine(String text, SourceLocation at) {

  public ScriptLine {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(at, "at");
  }
}
