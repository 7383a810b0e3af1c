package dev.shiprun.runner.engine.log;

import dev.shiprun.masker.SecretMasker;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.store.StoredVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Versions as they are shown ({@code shiprun run}'s summary, {@code shiprun versions}, the daemon's
 * API): every secret of the given integrations, in every form the job's masker knows, replaced by
 * {@code ***} in the versionName and in every property name and value. The engine never stores a
 * version that holds a secret; this is the second line, for versions stored otherwise (by an older
 * shiprun, say).
 */
public final class ShownVersions {

  /** The property that holds an encrypted value in a line's YAML ({@code secure:}). */
  private static final String SECURE = "secure";

  private static final String MASK = "***";

  private final SecretMasker masker;
  private final VersionMask mask;

  private ShownVersions(SecretMasker masker) {
    this.masker = masker;
    this.mask = new VersionMask(masker);
  }

  /** Masks the secret fields of {@code integrations}. */
  public static ShownVersions of(Collection<Integration> integrations) {
    return of(integrations, List.of());
  }

  /**
   * Masks the secret fields of {@code integrations} and the texts {@code more} (the opened pairs of
   * a line's {@code secure:} values, say).
   */
  public static ShownVersions of(Collection<Integration> integrations, Collection<String> more) {
    List<String> secrets = new ArrayList<>();
    JobSecrets.of(integrations).values().forEach(secrets::addAll);
    secrets.addAll(more);
    return new ShownVersions(new SecretMasker(secrets));
  }

  /**
   * {@code v} masked; besides, the value of every property named {@code secure} (an encrypted
   * value, as the YAML a version was made from holds it) is shown as {@code ***}.
   */
  public StoredVersion version(StoredVersion v) {
    StoredVersion masked = mask.masked(v);
    return new StoredVersion(
        masked.id(),
        masked.line(),
        masked.name(),
        masked.kind(),
        masked.number(),
        masked.versionName(),
        encryptedHidden(masked.propertyBag()),
        masked.filesSha(),
        masked.createdByRun(),
        masked.createdAt());
  }

  public List<StoredVersion> versions(List<StoredVersion> versions) {
    return versions.stream().map(this::version).toList();
  }

  @SuppressWarnings("unchecked") // hidden gives a map back for a map
  private static Map<String, Object> encryptedHidden(Map<String, Object> bag) {
    return (Map<String, Object>) hidden(bag);
  }

  private static Object hidden(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> out.put(String.valueOf(k), k.equals(SECURE) && v != null ? MASK : hidden(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ShownVersions::hidden).toList();
    }
    return value;
  }

  /** A run's report (test names and messages from the build's files), masked the same way. */
  public Map<String, Object> report(Map<String, Object> report) {
    return mask.masked(report);
  }

  /** A text about a run (its reason), masked the same way. */
  public String text(String text) {
    return masker.mask(text);
  }
}
