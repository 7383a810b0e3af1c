package dev.shiprun.runner.picture;

import dev.shiprun.runner.engine.log.ShownVersions;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A line's {@link PictureState} read from a store: two queries, in one transaction. VersionNames
 * are shown as {@code shown} masks them, as every other answer that shows versions.
 */
public final class PictureStates {

  private PictureStates() {}

  public static PictureState read(Store store, String line, ShownVersions shown) {
    return store.transaction(
        c -> {
          Map<String, PictureState.LatestRun> runs = new LinkedHashMap<>();
          for (Run r : store.runs().latestPerJob(c, Optional.of(line))) {
            runs.put(r.job(), new PictureState.LatestRun(r.status().wire(), r.buildNumber()));
          }
          Map<String, String> versionNames = new LinkedHashMap<>();
          for (StoredVersion v : shown.versions(store.versions().latestPerName(c, line))) {
            v.versionName().ifPresent(name -> versionNames.put(v.name(), name));
          }
          return new PictureState(runs, versionNames);
        });
  }
}
