package dev.shiprun.model.integration;

/** The shape of an integration field's value. */
public enum FieldKind {
  /** A string. */
  TEXT,
  /** A string that must be an {@code http(s)://host[:port][/path]} address. */
  URL,
  /** A mapping of names to strings (the key-value integration's {@code envs}). */
  MAP
}
