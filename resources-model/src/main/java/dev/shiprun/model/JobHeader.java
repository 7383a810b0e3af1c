package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.List;
import java.util.Objects;

/** What every job has, whatever its type. */
public record JobHeader(
    String name,
    String type,
    TriggerMode triggerMode,
    DependencyMode dependencyMode,
    int priority,
    boolean allowPublicAccess,
    JobRuntime runtime,
    List<Named> integrations,
    List<String> flags,
    SourceLocation at) {

  /** Shippable's default priority; 0 is the highest, 10000 the lowest. */
  public static final int DEFAULT_PRIORITY = 9999;

  public JobHeader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(triggerMode, "triggerMode");
    Objects.requireNonNull(dependencyMode, "dependencyMode");
    Objects.requireNonNull(runtime, "runtime");
    integrations = List.copyOf(integrations);
    flags = List.copyOf(flags);
    Objects.requireNonNull(at, "at");
  }
}
