package dev.shiprun.runner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a store runs Flyway only when the schema history is not exactly this shiprun's
 * migrations, all applied; Flyway's own errors stay what a user sees for a history it rejects.
 */
class StoreSchemaTest {

  private static final String ANOTHER_VERSION =
      "another shiprun version made it: use that version, or give a new --home";

  private final ObjectMapper json = new ObjectMapper();

  /** Flyway's migration, counted. */
  private final AtomicInteger migrations = new AtomicInteger();

  private final Store.Migration counted =
      (dataSource, home, folder) -> {
        migrations.incrementAndGet();
        Store.migrate(dataSource, home, folder);
      };

  @TempDir Path home;

  @Test
  void aNewStoreIsMigratedAndACurrentOneIsNot() {
    try (Store store = Store.open(home, json, counted)) {
      store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
    }
    assertEquals(1, migrations.get(), "a new store is made by Flyway");

    try (Store store = Store.open(home, json, counted)) {
      assertEquals(
          2,
          store.transaction(c -> store.runs().start(c, "line", "build", "manual")).buildNumber());
    }
    assertEquals(1, migrations.get(), "a current store opens without Flyway");
  }

  @Test
  void anOlderStoreIsMigrated() throws Exception {
    OlderStore.withOneRun(home, "7");

    try (Store store = Store.open(home, json, counted)) {
      assertEquals(Integer.parseInt(Store.SCHEMA_VERSION), store.transaction(Store::schemaVersion));
      assertEquals(
          1,
          store
              .transaction(c -> store.runs().list(c, Optional.empty(), Optional.empty(), 10))
              .size());
    }
    assertEquals(1, migrations.get());
  }

  @Test
  void aFailedMigrationGetsFlywaysError() throws Exception {
    Store.open(home, json).close();
    history("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '8'");

    StoreException e = assertThrows(StoreException.class, () -> Store.open(home, json));

    assertTrue(e.getMessage().startsWith("cannot prepare the store in "), e.getMessage());
    assertTrue(e.getMessage().contains("Validate failed"), e.getMessage());
    assertTrue(e.getMessage().endsWith(ANOTHER_VERSION), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void aMigrationThisShiprunDoesNotKnowGetsFlywaysError() throws Exception {
    // Applied after shiprun's 8 (its rank) and numbered in between: Flyway calls it missing here.
    Store.open(home, json).close();
    history(
        "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
            + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
            + " \"success\") VALUES (9, '7.1', 'other', 'SQL', 'V7_1__other.sql', 1, 'sa', 1,"
            + " TRUE)");

    StoreException e = assertThrows(StoreException.class, () -> Store.open(home, json));

    assertTrue(e.getMessage().startsWith("cannot prepare the store in "), e.getMessage());
    assertTrue(e.getMessage().contains("Validate failed"), e.getMessage());
    assertTrue(e.getMessage().endsWith(ANOTHER_VERSION), e.getMessage());
  }

  @Test
  void aStoreOfANewerShiprunIsRefusedWithoutFlyway() throws Exception {
    Store.open(home, json).close();
    history(
        "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
            + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
            + " \"success\") VALUES (9, '9', 'later', 'SQL', 'V9__later.sql', 1, 'sa', 1, TRUE)");

    StoreException e =
        assertThrows(StoreException.class, () -> Store.open(home, json, counted).close());

    assertTrue(e.getMessage().contains("was made by a newer shiprun (schema 9"), e.getMessage());
    assertEquals(0, migrations.get());
  }

  private void history(String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(Store.url(home.resolve(Store.FOLDER)), "sa", "");
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
