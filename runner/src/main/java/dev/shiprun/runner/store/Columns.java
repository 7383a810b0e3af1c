package dev.shiprun.runner.store;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A table's column list as a query that joins it names it: each column after its alias. */
final class Columns {

  private Columns() {}

  /** {@code "a, b"} of alias {@code t}: {@code "t.a, t.b"}. */
  static String prefixed(String columns, String alias) {
    return Arrays.stream(columns.split(",\\s*"))
        .map(column -> alias + "." + column)
        .collect(Collectors.joining(", "));
  }
}
