package dev.shiprun.model.diagnostic;

/** How bad a diagnostic is: errors make a pipeline invalid, warnings do not. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
