package dev.shiprun.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A manual trigger: it gets a new version when a user triggers it ({@code shiprun trigger NAME},
 * the daemon's API) or when its {@code version:} values change, and that version triggers the jobs
 * that read it. Defined under {@code triggers:} (shippable.triggers.yml, the old form) or under
 * {@code resources:} with {@code type: trigger}.
 */
public record TriggerResource(ResourceHeader header) implements Resource {

  /** The resource type, as the YAML writes it. */
  public static final String TYPE = "trigger";

  public TriggerResource {
    Objects.requireNonNull(header, "header");
  }

  @Override
  public <T> T accept(ResourceVisitor<T> visitor) {
    return visitor.trigger(this);
  }

  @Override
  public Optional<TriggerResource> asTrigger() {
    return Optional.of(this);
  }
}
