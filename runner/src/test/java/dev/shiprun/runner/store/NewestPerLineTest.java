package dev.shiprun.runner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newest run per job and version per name of one line (not of another), on a real store. */
class NewestPerLineTest {

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

      Map<String, Run> latest =
          byJob(store.transaction(c -> store.runs().latestPerJob(c, Optional.of("app"))));

      assertEquals(List.of("build", "deploy"), List.copyOf(latest.keySet()));
      assertEquals(second.id(), latest.get("build").id());
      assertEquals(2, latest.get("build").buildNumber());
      assertEquals(RunStatus.PROCESSING, latest.get("build").status());
      assertEquals(RunStatus.QUEUED, latest.get("deploy").status());
      assertEquals(
          List.of(), store.transaction(c -> store.runs().latestPerJob(c, Optional.of("none"))));
    }
  }

  @Test
  void theNewestVersionOfEachNameOfTheLineOnly() {
    try (Store store = Store.open(home, new ObjectMapper())) {
      post(store, "app", "image", "1.0");
      post(store, "app", "image", "1.1");
      post(store, "app", "params", null);
      post(store, "other", "image", "9.9");

      Map<String, StoredVersion> latest = new LinkedHashMap<>();
      store
          .transaction(c -> store.versions().latestPerName(c, "app"))
          .forEach(v -> latest.put(v.name(), v));

      assertEquals(List.of("image", "params"), List.copyOf(latest.keySet()));
      assertEquals(2, latest.get("image").number());
      assertEquals(Optional.of("1.1"), latest.get("image").versionName());
      assertEquals(Optional.empty(), latest.get("params").versionName());
    }
  }

  private static Map<String, Run> byJob(List<Run> runs) {
    Map<String, Run> out = new TreeMap<>();
    runs.forEach(r -> out.put(r.job(), r));
    return out;
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
