package dev.shiprun.model;

import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import java.util.Objects;
import java.util.Optional;

/**
 * Key/values given to jobs as {@code <NAME>_PARAMS_<KEY>} and raw {@code KEY}. {@code secure} is an
 * encrypted blob, kept apart from the plain params. Params are never templated.
 */
public record ParamsResource(ResourceHeader header, YamlMapping params, Optional<YamlScalar> secure)
    implements Resource {

  public ParamsResource {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(secure, "secure");
  }

  @Override
  public <T> T accept(ResourceVisitor<T> visitor) {
    return visitor.params(this);
  }

  @Override
  public boolean hasStateFolder() {
    return false;
  }

  @Override
  public boolean isTemplated() {
    return false;
  }

  @Override
  public Optional<ParamsResource> asParams() {
    return Optional.of(this);
  }
}
