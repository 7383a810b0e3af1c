package dev.shiprun.spi;

import dev.shiprun.model.Resource;
import dev.shiprun.model.ResourceDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The version a resource's YAML gives it (spec §1.5 (a)).
 *
 * @param version its versionName and properties
 * @param yamlAlone whether the YAML alone defines the resource's versions: then the seed is posted
 *     even when a job writes the resource, and a changed definition makes a new version over a
 *     job's. When false, the seed is only the first version of a resource no job writes
 */
public record Seed(ResourceVersion version, boolean yamlAlone) {

  public Seed {
    Objects.requireNonNull(version, "version");
  }

  /**
   * The common seed: versionName from {@code seed}/{@code versionTemplate} (else any {@code
   * versionName} of the definition), properties {@code yml} (the resource's YAML) and {@code
   * sourceName}; from the YAML alone when it has a {@code seed}, {@code version} or {@code
   * versionTemplate}.
   */
  public static Seed of(Resource resource) {
    ResourceDefinition d = resource.definition();
    Map<String, Object> bag = new LinkedHashMap<>();
    bag.put("yml", resource.yml());
    d.text("sourceName").ifPresent(s -> bag.put("sourceName", s));
    return new Seed(
        new ResourceVersion(d.seedVersionName().or(() -> d.text("versionName")), bag),
        d.definesVersion());
  }
}
