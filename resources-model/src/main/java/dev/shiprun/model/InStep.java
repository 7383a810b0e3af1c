package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.yaml.YamlMapping;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code - IN: <resource or job>} with its options. {@code options} keeps every key as written: the
 * runner hands them to the job as versionDependencyPropertyBag (spec §1.3.1).
 */
public record InStep(
    Named target,
    boolean switchOn,
    Optional<String> versionName,
    OptionalLong versionNumber,
    boolean pull,
    boolean showBuildStatus,
    List<String> scopes,
    Optional<DependencyMode> dependencyMode,
    YamlMapping options,
    SourceLocation at)
    implements Step {

  public InStep {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(versionName, "versionName");
    Objects.requireNonNull(versionNumber, "versionNumber");
    scopes = List.copyOf(scopes);
    Objects.requireNonNull(dependencyMode, "dependencyMode");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(at, "at");
  }

  public String name() {
    return target.name();
  }
}
