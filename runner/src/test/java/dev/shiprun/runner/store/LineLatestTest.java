package dev.shiprun.runner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The latest run per job and version per name of one line, on a real store. */
class LineLatestTest {

  @TempDir Path home;

  @Test
  void theNewestRunOfEachJobOfTheLineOnly() {
    try (Store store = Store.open(home, new ObjectMapper())) {
      Run first = store.transaction(c -> store.runs().start(c, "app", "build", "manual"));
      store.transaction(
          c -> {
            store.runs().finish(c, first.id(), RunStatus.FAILURE, Optional.empty(), Map.of());
            return null;
          });
      Run second = store.transaction(c -> store.runs().start(c, "app", "build", "manual"));
      store.transaction(c -> store.runs().queue(c, "app", "deploy", "build"));
      store.transaction(c -> store.runs().start(c, "other", "build", "manual"));

      Map<String, Run> latest = store.transaction(c -> store.latest().latestRunPerJob(c, "app"));

      assertEquals(List.of("build", "deploy"), List.copyOf(latest.keySet()));
      assertEquals(second.id(), latest.get("build").id());
      assertEquals(2, latest.get("build").buildNumber());
      assertEquals(RunStatus.PROCESSING, latest.get("build").status());
      assertEquals(RunStatus.QUEUED, latest.get("deploy").status());
      assertEquals(Map.of(), store.transaction(c -> store.latest().latestRunPerJob(c, "none")));
    }
  }

  @Test
  void theNewestVersionOfEachNameOfTheLineOnly() {
    try (Store store = Store.open(home, new ObjectMapper())) {
      post(store, "app", "image", "1.0");
      post(store, "app", "image", "1.1");
      post(store, "app", "params", null);
      post(store, "other", "image", "9.9");

      Map<String, StoredVersion> latest =
          store.transaction(c -> store.latest().latestVersionPerName(c, "app"));

      assertEquals(List.of("image", "params"), List.copyOf(latest.keySet()));
      assertEquals(2, latest.get("image").number());
      assertEquals(Optional.of("1.1"), latest.get("image").versionName());
      assertEquals(Optional.empty(), latest.get("params").versionName());
    }
  }

  private static void post(Store store, String line, String name, String versionName) {
    store.transaction(
        c ->
            store
                .versions()
                .post(
                    c,
                    new NewVersion(
                        line,
                        name,
                        VersionKind.RESOURCE,
                        Optional.ofNullable(versionName),
                        Map.of(),
                        Optional.empty(),
                        OptionalLong.empty())));
  }
}
