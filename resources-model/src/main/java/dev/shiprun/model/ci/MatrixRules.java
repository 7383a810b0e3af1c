package dev.shiprun.model.ci;

import java.util.List;

/**
 * The {@code matrix:} key: entries to add, to remove, and whose failure does not fail the build.
 */
public record MatrixRules(
    List<MatrixEntry> include, List<MatrixEntry> exclude, List<MatrixEntry> allowFailures) {

  public static final MatrixRules NONE = new MatrixRules(List.of(), List.of(), List.of());

  public MatrixRules {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    allowFailures = List.copyOf(allowFailures);
  }
}
