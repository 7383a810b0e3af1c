package dev.shiprun.model.yaml;

import dev.shiprun.model.diagnostic.SourceLocation;

/**
 * A YAML value that remembers where it was written. The whole pipeline model is read from these, so
 * every model node can point back at its file, line and column.
 */
public sealed interface YamlValue permits YamlScalar, YamlSequence, YamlMapping {

  /** The file the value was written in. */
  String file();

  /** 1-based line of the value's start. */
  int line();

  /** 1-based column of the value's start. */
  int column();

  /**
   * Where the value starts. Values keep file, line and column as fields and make the location when
   * asked: most values never need one, and an object per value was a fifth of the parse's objects.
   */
  default SourceLocation at() {
    return new SourceLocation(file(), line(), column());
  }

  /** "a mapping", "a list", "a string": for messages such as "expected a list, found a string". */
  String describe();

  /** The value as plain Java (String, Boolean, Long, Double, null, List, LinkedHashMap). */
  Object toPlain();
}
