package dev.shiprun.model.ci;

import java.util.List;

/**
 * The {@code env:} of a CI shippable.yml: {@code global} entries go into every job and never make
 * one; each {@code matrix} entry is one matrix job. A plain list is all matrix.
 */
public record CiEnv(List<EnvEntry> global, List<EnvEntry> matrix) {

  public static final CiEnv NONE = new CiEnv(List.of(), List.of());

  public CiEnv {
    global = List.copyOf(global);
    matrix = List.copyOf(matrix);
  }
}
