package dev.shiprun.runner.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor's look at a store: none is made, an open one answers, a closed one is not changed. */
class StoreProbeTest {

  @TempDir Path home;

  @Test
  void aHomeWithoutAStoreGetsNone() {
    StoreProbe.Finding finding = StoreProbe.probe(home);

    assertEquals(new StoreProbe.Finding.Missing(home.resolve("store")), finding);
    assertFalse(Files.exists(home.resolve("store")));
  }

  @Test
  void aStoreInUseAnswersWithItsRuns() {
    try (Store store = Store.open(home, new ObjectMapper())) {
      store.transaction(c -> store.runs().start(c, "line", "build", "manual"));

      StoreProbe.Finding finding = StoreProbe.probe(home);

      int known = Integer.parseInt(Store.SCHEMA_VERSION);
      assertEquals(new StoreProbe.Finding.Ready(home.resolve("store"), known, known, 1), finding);
    }
  }

  @Test
  void aClosedStoreIsReadWithoutAByteChanging() throws Exception {
    Store.open(home, new ObjectMapper()).close();
    Path database = home.resolve("store/shiprun.mv.db");
    byte[] before = Files.readAllBytes(database);

    assertInstanceOf(StoreProbe.Finding.Ready.class, StoreProbe.probe(home));

    assertArrayEquals(before, Files.readAllBytes(database));
  }
}
