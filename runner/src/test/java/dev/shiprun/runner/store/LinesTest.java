package dev.shiprun.runner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon's lines in the real H2 store: they survive reopening, replace and delete by name. */
class LinesTest {

  @TempDir Path home;

  @Test
  void uploadedAndOnNodeLinesSurviveReopeningAndReplaceByName() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("shippable.resources.yml", "resources: []\n");
    files.put("shippable.jobs.yml", "jobs:\n  - name: a # \"quoted\" $X\n");
    Instant at = Instant.parse("2026-11-27T06:00:00Z");
    try (Store store = Store.open(home, new ObjectMapper())) {
      assertTrue(
          store.<Boolean>transaction(
              c -> store.lines().put(c, LineSource.uploaded("web", files, at))));
      assertTrue(
          store.<Boolean>transaction(
              c -> store.lines().put(c, LineSource.onNode("infra", Path.of("/srv/infra"), at))));
      assertFalse(
          store.<Boolean>transaction(
              c -> store.lines().put(c, LineSource.uploaded("web", files, at))),
          "a second put of a name replaces it");
    }
    try (Store store = Store.open(home, new ObjectMapper())) {
      List<LineSource> all = store.transaction(c -> store.lines().list(c));
      assertEquals(List.of("infra", "web"), all.stream().map(LineSource::name).toList());
      LineSource uploaded = store.transaction(c -> store.lines().get(c, "web")).orElseThrow();
      assertEquals(files, uploaded.files());
      assertEquals(
          List.copyOf(files.keySet()), List.copyOf(uploaded.files().keySet()), "file order");
      assertEquals(at, uploaded.updatedAt());
      assertEquals(
          Optional.of(Path.of("/srv/infra")),
          store.transaction(c -> store.lines().get(c, "infra")).orElseThrow().path());
      boolean deleted = store.<Boolean>transaction(c -> store.lines().delete(c, "web"));
      assertTrue(deleted);
      assertEquals(Optional.empty(), store.transaction(c -> store.lines().get(c, "web")));
    }
  }

  @Test
  void aLineComesFromAPathOrFromFiles() {
    assertThrows(
        IllegalArgumentException.class, () -> LineSource.uploaded("x", Map.of(), Instant.now()));
  }
}
