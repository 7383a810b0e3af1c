package dev.shiprun.runner.resource;

import dev.shiprun.model.Resource;
import dev.shiprun.model.TriggerResource;
import dev.shiprun.spi.ResourceType;
import dev.shiprun.spi.ResourceVersion;
import dev.shiprun.spi.Seed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code trigger}: a user fires it ({@code shiprun trigger}, the daemon's API). A version from its
 * YAML holds its {@code counter} and {@code message} as a fired one does, and is named by the
 * message, else the counter.
 */
public final class TriggerResourceType implements ResourceType {

  @Override
  public String name() {
    return TriggerResource.TYPE;
  }

  @Override
  public Optional<Seed> seed(Resource resource) {
    Seed plain = Seed.of(resource);
    Map<String, Object> bag = new LinkedHashMap<>(plain.version().propertyBag());
    resource.definition().text("counter").ifPresent(c -> bag.put("counter", number(c)));
    resource.definition().text("message").ifPresent(m -> bag.put("message", m));
    Optional<String> name =
        resource.definition().text("message").or(() -> resource.definition().text("counter"));
    return Optional.of(new Seed(new ResourceVersion(name, bag), plain.yamlAlone()));
  }

  /** A whole number as a number (as a fired version holds it), anything else as written. */
  private static Object number(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
