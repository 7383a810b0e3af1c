package dev.shiprun.runner.resource;

import dev.shiprun.model.Resource;
import dev.shiprun.spi.ResourceType;
import dev.shiprun.spi.Seed;
import java.util.Optional;

/**
 * {@code ciRepo}: its versions are CI's webhook events, which shiprun does not receive, so its YAML
 * gives none.
 */
public final class CiRepoResourceType implements ResourceType {

  @Override
  public String name() {
    return "ciRepo";
  }

  @Override
  public Optional<Seed> seed(Resource resource) {
    return Optional.empty();
  }
}
