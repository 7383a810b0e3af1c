package dev.shiprun.model.graph;

/** What an edge of the assembly line means. */
public enum EdgeKind {
  /** A job reads a resource or another job ({@code IN}). */
  IN,
  /** A job writes a resource ({@code OUT}), or triggers a job through {@code OUT: <job>}. */
  OUT
}
