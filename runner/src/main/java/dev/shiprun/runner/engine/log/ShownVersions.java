package dev.shiprun.runner.engine.log;

import dev.shiprun.masker.SecretMasker;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.store.StoredVersion;
import java.util.ArrayList;
import java.util.Collection;
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

  private final SecretMasker masker;
  private final VersionMask mask;

  private ShownVersions(SecretMasker masker) {
    this.masker = masker;
    this.mask = new VersionMask(masker);
  }

  /** Masks the secret fields of {@code integrations}. */
  public static ShownVersions of(Collection<Integration> integrations) {
    List<String> secrets = new ArrayList<>();
    JobSecrets.of(integrations).values().forEach(secrets::addAll);
    return new ShownVersions(new SecretMasker(secrets));
  }

  public StoredVersion version(StoredVersion v) {
    return mask.masked(v);
  }

  public List<StoredVersion> versions(List<StoredVersion> versions) {
    return versions.stream().map(mask::masked).toList();
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
