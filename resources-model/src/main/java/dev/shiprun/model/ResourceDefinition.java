package dev.shiprun.model;

import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlValue;
import java.util.Optional;
import java.util.Set;

/**
 * The version-defining sections of a resource in both syntaxes: old ({@code pointer}, {@code seed},
 * {@code version}) and latest ({@code versionTemplate}).
 */
public record ResourceDefinition(
    Optional<YamlMapping> pointer,
    Optional<YamlMapping> seed,
    Optional<YamlMapping> version,
    Optional<YamlMapping> versionTemplate) {

  /** versionTemplate keys that hold a starting value; the rest point at something (§9, 6). */
  public static final Set<String> SEED_LIKE_KEYS = Set.of("versionName", "interval");

  public static final ResourceDefinition NONE =
      new ResourceDefinition(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** A string value from versionTemplate, else pointer, else seed, else version. */
  public Optional<String> text(String key) {
    for (Optional<YamlMapping> section : new Optional[] {versionTemplate, pointer, seed, version}) {
      Optional<String> found = section.flatMap(m -> m.get(key)).flatMap(ResourceDefinition::scalar);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The starting versionName (seed, or versionTemplate in the latest syntax). */
  public Optional<String> seedVersionName() {
    Optional<String> fromTemplate =
        versionTemplate.flatMap(m -> m.get("versionName")).flatMap(ResourceDefinition::scalar);
    return fromTemplate.isPresent()
        ? fromTemplate
        : seed.flatMap(m -> m.get("versionName")).flatMap(ResourceDefinition::scalar);
  }

  /** Whether the YAML itself defines a first version (seed, version or versionTemplate). */
  public boolean definesVersion() {
    return seed.isPresent() || version.isPresent() || versionTemplate.isPresent();
  }

  private static Optional<String> scalar(YamlValue value) {
    return value instanceof YamlScalar s && !s.isNull() ? Optional.of(s.text()) : Optional.empty();
  }
}
