package dev.shiprun.runner.store;

import java.util.Locale;

/** Whose version: a resource's or a job's (every job run that ends posts one, spec §1.5). */
public enum VersionKind {
  RESOURCE,
  JOB;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
