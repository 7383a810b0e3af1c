package dev.shiprun.model.env;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The version of a resource or job a run uses: what the store knows, or the YAML seed. {@code
 * params} are a params resource's values in that version (a job may have changed them as an OUT);
 * empty when the YAML's values apply. {@code shaData}: a gitRepo version's commit. {@code
 * propertyBag}: every property of a stored version (empty for a YAML seed), for a resource type's
 * own variables.
 */
public record ResourceVersion(
    Optional<String> versionName,
    OptionalLong versionNumber,
    OptionalLong versionId,
    Optional<Map<String, String>> params,
    Optional<ShaData> shaData,
    Map<String, Object> propertyBag) {

  public ResourceVersion {
    Objects.requireNonNull(versionName, "versionName");
    Objects.requireNonNull(versionNumber, "versionNumber");
    Objects.requireNonNull(versionId, "versionId");
    params = params.map(p -> Collections.unmodifiableMap(new LinkedHashMap<>(p)));
    Objects.requireNonNull(shaData, "shaData");
    propertyBag = Collections.unmodifiableMap(new LinkedHashMap<>(propertyBag));
  }

  public ResourceVersion(
      Optional<String> versionName,
      OptionalLong versionNumber,
      OptionalLong versionId,
      Optional<Map<String, String>> params,
      Optional<ShaData> shaData) {
    this(versionName, versionNumber, versionId, params, shaData, Map.of());
  }

  public ResourceVersion(
      Optional<String> versionName,
      OptionalLong versionNumber,
      OptionalLong versionId,
      Optional<Map<String, String>> params) {
    this(versionName, versionNumber, versionId, params, Optional.empty());
  }

  /** A version known only by the name the YAML seeds it with. */
  public static ResourceVersion seeded(String versionName) {
    return new ResourceVersion(
        Optional.of(versionName), OptionalLong.empty(), OptionalLong.empty(), Optional.empty());
  }
}
