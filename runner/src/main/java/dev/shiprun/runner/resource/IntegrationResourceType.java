package dev.shiprun.runner.resource;

import dev.shiprun.model.Resource;
import dev.shiprun.spi.ResourceType;
import dev.shiprun.spi.Seed;
import java.util.Optional;

/**
 * {@code integration}: exposes an account integration (its files shiprun writes for every type);
 * its versions come from the YAML alone.
 */
public final class IntegrationResourceType implements ResourceType {

  @Override
  public String name() {
    return "integration";
  }

  @Override
  public Optional<Seed> seed(Resource resource) {
    return Optional.of(new Seed(Seed.of(resource).version(), true));
  }
}
