package dev.shiprun.model.yaml;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.Optional;

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

  /**
   * The anchor this value was taken from when it is written as an alias ({@code *name}), or null.
   * The value's own position is then the alias's: where the user used it.
   */
  YamlAnchor aliasOf();

  /** {@link #aliasOf} as an Optional. */
  default Optional<YamlAnchor> alias() {
    return Optional.ofNullable(aliasOf());
  }

  /** The same value standing where an alias of {@code anchor} is written. */
  YamlValue usedAt(YamlAnchor anchor, String file, int line, int column);

  /** "a mapping", "a list", "a string": for messages such as "expected a list, found a string". */
  String describe();

  /** The value as plain Java (String, Boolean, Long, Double, null, List, LinkedHashMap). */
  Object toPlain();
}
