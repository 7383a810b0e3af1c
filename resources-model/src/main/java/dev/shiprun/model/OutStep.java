package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.yaml.YamlMapping;
import java.util.Objects;
import java.util.Optional;

/** {@code - OUT: <resource>} with its options (spec §1.3.2). */
public record OutStep(
    Named target,
    Optional<Named> replicate,
    boolean replicateOnPullRequest,
    boolean overwrite,
    boolean onFailure,
    YamlMapping options,
    SourceLocation at)
    implements Step {

  public OutStep {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(replicate, "replicate");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(at, "at");
  }

  public String name() {
    return target.name();
  }
}
