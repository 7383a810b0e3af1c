package dev.shiprun.model.env;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The version of a resource or job a run uses: what the store knows, or the YAML seed. */
public record ResourceVersion(
    Optional<String> versionName, OptionalLong versionNumber, OptionalLong versionId) {

  public ResourceVersion {
    Objects.requireNonNull(versionName, "versionName");
    Objects.requireNonNull(versionNumber, "versionNumber");
    Objects.requireNonNull(versionId, "versionId");
  }

  /** A version known only by the name the YAML seeds it with. */
  public static ResourceVersion seeded(String versionName) {
    return new ResourceVersion(
        Optional.of(versionName), OptionalLong.empty(), OptionalLong.empty());
  }
}
