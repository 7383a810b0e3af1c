package dev.shiprun.model.yaml;

import dev.shiprun.model.diagnostic.SourceLocation;

/**
 * A YAML value that remembers where it was written. The whole pipeline model is read from these, so
 * every model node can point back at its file, line and column.
 */
public sealed interface YamlValue permits YamlScalar, YamlSequence, YamlMapping {

  SourceLocation at();

  /** "a mapping", "a list", "a string": for messages such as "expected a list, found a string". */
  String describe();

  /** The value as plain Java (String, Boolean, Long, Double, null, List, LinkedHashMap). */
  Object toPlain();
}
