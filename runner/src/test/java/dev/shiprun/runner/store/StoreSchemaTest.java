package dev.shiprun.runner.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalPropertiesReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a store runs Flyway only when the schema history is not exactly this shiprun's
 * migrations, all applied; Flyway's own errors stay what a user sees for a history it rejects. A
 * new store is made without Flyway, exactly as Flyway makes it.
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
  void neitherANewStoreNorACurrentOneIsMigrated() {
    try (Store store = Store.open(home, json, counted)) {
      store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
    }
    assertEquals(0, migrations.get(), "a new store is made without Flyway");

    try (Store store = Store.open(home, json, counted)) {
      assertEquals(
          2,
          store.transaction(c -> store.runs().start(c, "line", "build", "manual")).buildNumber());
    }
    assertEquals(0, migrations.get(), "a current store opens without Flyway");
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

  @Test
  void aNewStoreIsWhatFlywayMakes() throws Exception {
    Path byFlyway = Files.createDirectories(home.resolve("flyway"));
    try (AgroalDataSource dataSource = dataSource(byFlyway)) {
      Store.migrate(dataSource, home, byFlyway);
    }
    Path byShiprun = Files.createDirectories(home.resolve("shiprun"));
    assertTrue(NewStore.make(byShiprun, Store.DATABASE));

    assertEquals(schema(byFlyway), schema(byShiprun));
    assertEquals(historyRows(byFlyway), historyRows(byShiprun));
    assertEquals(
        List.of(Store.DATABASE + ".mv.db"),
        fileNames(byShiprun),
        "no temporary file is left behind");
    // Flyway finds nothing to do and nothing to object to in a store made without it.
    try (AgroalDataSource dataSource = dataSource(byShiprun)) {
      Flyway flyway =
          Flyway.configure()
              .dataSource(dataSource)
              .resourceProvider(new StoreMigrations())
              .javaMigrationClassProvider(List::of)
              .load();
      flyway.validate();
      assertEquals(0, flyway.migrate().migrationsExecuted);
    }
  }

  @Test
  void aStoreMadeByTwoProcessesAtOnceIsMadeOnce() throws Exception {
    Path folder = Files.createDirectories(home.resolve(Store.FOLDER));
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> made = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        made.add(
            two.submit(
                () -> {
                  go.await();
                  return NewStore.make(folder, Store.DATABASE);
                }));
      }
      go.countDown();
      for (Future<Boolean> m : made) {
        assertTrue(m.get(30, TimeUnit.SECONDS));
      }
    } finally {
      two.shutdownNow();
    }
    assertEquals(List.of(Store.DATABASE + ".mv.db"), fileNames(folder));
    try (Store store = Store.open(home, json, counted)) {
      assertEquals(Integer.parseInt(Store.SCHEMA_VERSION), store.transaction(Store::schemaVersion));
    }
    assertEquals(0, migrations.get());
  }

  @Test
  void anExistingStoreIsLeftAsItIs() throws Exception {
    Path folder = Files.createDirectories(home.resolve(Store.FOLDER));
    Path file = Files.write(folder.resolve(Store.DATABASE + ".mv.db"), new byte[] {1, 2, 3});

    assertTrue(NewStore.make(folder, Store.DATABASE));

    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
  }

  @Test
  void checksumsAreFlywaysForEveryLineEnding() {
    // CRC-32 of the lines without their ends: the same for \n, \r\n and a byte-order mark.
    assertEquals(NewStore.checksum("a\nb\n"), NewStore.checksum("a\r\nb\r\n"));
    assertEquals(NewStore.checksum("a\nb"), NewStore.checksum("\uFEFFa\nb"));
    assertEquals("resource ids", NewStore.description("V2__resource_ids.sql"));
    assertEquals("2", NewStore.version("V2__resource_ids.sql"));
  }

  private static AgroalDataSource dataSource(Path folder) throws Exception {
    return AgroalDataSource.from(
        new AgroalPropertiesReader()
            .readProperties(
                Map.of(
                    AgroalPropertiesReader.JDBC_URL, Store.url(folder),
                    AgroalPropertiesReader.PROVIDER_CLASS_NAME, "org.h2.Driver",
                    AgroalPropertiesReader.PRINCIPAL, "sa",
                    AgroalPropertiesReader.CREDENTIAL, "",
                    AgroalPropertiesReader.MAX_SIZE, "8")));
  }

  /** The store's schema as H2 writes it out, without the user's password hash (salted anew). */
  private static List<String> schema(Path folder) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(Store.url(folder), "sa", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SCRIPT NODATA")) {
      while (r.next()) {
        String line = r.getString(1);
        if (!line.startsWith("CREATE USER")) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  /** Flyway's history rows, but for the time each migration was applied and took. */
  private static List<List<Object>> historyRows(Path folder) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(Store.url(folder), "sa", "");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT \"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"checksum\", \"installed_by\", \"success\" FROM "
                    + NewStore.HISTORY
                    + " ORDER BY \"installed_rank\"")) {
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
          row.add(r.getObject(i));
        }
        rows.add(row);
      }
    }
    assertEquals(1 + StoreMigrations.FILES.size(), rows.size(), rows.toString());
    return rows;
  }

  private static List<String> fileNames(Path folder) throws Exception {
    try (var files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private void history(String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(Store.url(home.resolve(Store.FOLDER)), "sa", "");
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
