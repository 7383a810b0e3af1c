package dev.shiprun.runner.picture;

import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A line's {@link PictureState} read from a store: two queries, in one transaction. */
public final class PictureStates {

  private PictureStates() {}

  public static PictureState read(Store store, String line) {
    return store.transaction(
        c -> {
          Map<String, PictureState.LatestRun> runs = new LinkedHashMap<>();
          for (Run r : store.runs().latestPerJob(c, Optional.of(line))) {
            runs.put(r.job(), new PictureState.LatestRun(r.status().wire(), r.buildNumber()));
          }
          Map<String, String> versionNames = new LinkedHashMap<>();
          for (StoredVersion v : store.versions().latestPerName(c, line)) {
            v.versionName().ifPresent(name -> versionNames.put(v.name(), name));
          }
          return new PictureState(runs, versionNames);
        });
  }
}
