package dev.shiprun.runner.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalPropertiesReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * The embedded store under a shiprun home: an H2 file database ({@code <home>/store/shiprun}) in a
 * small Agroal pool, its schema made by Flyway migrations ({@code db/migration}, listed in {@link
 * StoreMigrations}). Opened only by the commands that need it ({@code run}, {@code versions},
 * {@code runs}, {@code logs}, later the daemon), never at boot, so {@code validate}, {@code graph}
 * and {@code plan} do not pay for it.
 *
 * <p>{@code AUTO_SERVER=TRUE} lets a CLI run and a daemon share one home. Every write that must be
 * all-or-nothing goes through {@link #transaction}.
 */
public final class Store implements AutoCloseable {

  /** A unit of work on one connection, committed when it returns and rolled back if it throws. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** The version of the newest migration in {@code db/migration} (a test keeps them equal). */
  static final String SCHEMA_VERSION = "8";

  /** How long {@link #transaction} tries to reach the database again after losing it. */
  static final Duration RECONNECT_PATIENCE = Duration.ofSeconds(20);

  /** The database's name in the store folder (H2 adds {@code .mv.db} to its file). */
  static final String DATABASE = "shiprun";

  /** The store's folder under a home. */
  static final String FOLDER = "store";

  /** H2: a table is missing (the store is new). */
  private static final int TABLE_NOT_FOUND = 42102;

  private static final int TABLE_NOT_FOUND_EMPTY = 42104;

  private final AgroalDataSource dataSource;
  private final Path home;
  private final Runs runs;
  private final Versions versions;
  private final Lines lines;
  private final RunQueue queue;
  private final WebhookDeliveries deliveries;

  private Store(AgroalDataSource dataSource, Path home, ObjectMapper json) {
    this.dataSource = dataSource;
    this.home = home;
    this.runs = new Runs(json);
    this.versions = new Versions(json);
    this.lines = new Lines(json);
    this.queue = new RunQueue(json, runs);
    this.deliveries = new WebhookDeliveries();
  }

  /**
   * Opens (and creates or migrates) the store of {@code home}, then marks runs whose process is
   * gone as interrupted. A new store is made without Flyway ({@link NewStore}). A folder this user
   * cannot read or write, a read-only home and a full disk are one-line {@link StoreException}s
   * naming the path and the fix.
   */
  public static Store open(Path home, ObjectMapper json) {
    return open(home, json, Store::migrate);
  }

  /**
   * Makes or upgrades the schema of a store whose history is not this shiprun's migrations, all
   * applied: Flyway in shiprun; a test counts the calls through it.
   */
  @FunctionalInterface
  interface Migration {
    void migrate(AgroalDataSource dataSource, Path home, Path folder);
  }

  /** {@link #open(Path, ObjectMapper)}, migrating through {@code migration} when needed. */
  static Store open(Path home, ObjectMapper json, Migration migration) {
    Path folder = home.resolve(FOLDER);
    Optional<String> refused = StoreFailure.checkAccess(home, folder);
    if (refused.isPresent()) {
      throw new StoreException(refused.get());
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new StoreException(StoreFailure.cannotCreate(home, folder, e), e);
    }
    NewStore.make(folder, DATABASE);
    String url = url(folder);
    AgroalDataSource dataSource;
    try {
      dataSource =
          AgroalDataSource.from(
              new AgroalPropertiesReader()
                  .readProperties(
                      Map.of(
                          AgroalPropertiesReader.JDBC_URL, url,
                          AgroalPropertiesReader.PROVIDER_CLASS_NAME, "org.h2.Driver",
                          AgroalPropertiesReader.PRINCIPAL, "sa",
                          AgroalPropertiesReader.CREDENTIAL, "",
                          AgroalPropertiesReader.MAX_SIZE, "8",
                          AgroalPropertiesReader.MIN_SIZE, "0",
                          AgroalPropertiesReader.INITIAL_SIZE, "1")));
    } catch (SQLException e) {
      throw new StoreException(cannotOpen(home, folder, e), e);
    }
    try {
      Store store = new Store(dataSource, home, json);
      SchemaHistory history;
      try {
        history = store.transaction(Store::schemaHistory);
      } catch (StoreException e) {
        throw new StoreException(cannotOpen(home, folder, e), e);
      }
      int schema = history.newest();
      if (schema > Integer.parseInt(SCHEMA_VERSION)) {
        throw new StoreException(
            "the store in "
                + folder
                + " was made by a newer shiprun (schema "
                + schema
                + ", this one knows "
                + SCHEMA_VERSION
                + "); use that shiprun version, or give a new --home");
      }
      if (!history.current()) {
        migration.migrate(dataSource, home, folder);
      }
      store.transaction(c -> store.runs.markInterrupted(c));
      return store;
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /**
   * The JDBC URL of the database in {@code folder}. WRITE_DELAY=0: a commit reaches the file at
   * once, so a run started just before a crash is found (and marked interrupted) on the next start.
   * QUERY_CACHE_SIZE: a job runs about a dozen different statements on the one pooled connection;
   * H2 keeps 8 parsed by default. TRACE_LEVEL_FILE=0: H2 writes no trace file (shiprun reports what
   * failed itself), so a folder it cannot write into or a full disk does not make it print stack
   * traces on stderr. LOCK_TIMEOUT: a build number another process is inserting is waited for, not
   * refused. MAX_COMPACT_TIME=0: H2 does not compact the file at every close; {@link #close} does
   * when the file has outgrown its live data ({@link StoreCompaction}).
   */
  static String url(Path folder) {
    return "jdbc:h2:file:"
        + folder.toAbsolutePath().resolve(DATABASE)
        + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;TRACE_LEVEL_FILE=0"
        + ";LOCK_TIMEOUT=10000;MAX_COMPACT_TIME=0";
  }

  /** Flyway's migrate, its failures in the user's terms. */
  static void migrate(AgroalDataSource dataSource, Path home, Path folder) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .resourceProvider(new StoreMigrations())
          .javaMigrationClassProvider(List::of)
          .load()
          .migrate();
    } catch (FlywayValidateException e) {
      // An applied migration this shiprun does not have, or one that differs from its own.
      throw new StoreException(
          "cannot prepare the store in "
              + folder
              + ": "
              + StoreFailure.firstLine(e)
              + "; another shiprun version made it: use that version, or give a new --home",
          e);
    } catch (FlywayException e) {
      throw new StoreException(cannotOpen(home, folder, e), e);
    }
  }

  /** Why the store of {@code home} cannot be opened, in the user's terms. */
  static String cannotOpen(Path home, Path folder, Throwable e) {
    if (StoreFailure.readOnly(e)) {
      return StoreFailure.readOnlyHome(home);
    }
    if (StoreFailure.accessDenied(e)) {
      return StoreFailure.unreadable(folder);
    }
    if (StoreFailure.noSpace(e)) {
      return StoreFailure.noSpaceLeft(home);
    }
    Throwable shown = e instanceof StoreException && e.getCause() != null ? e.getCause() : e;
    return "cannot open the store in " + folder + ": " + StoreFailure.firstLine(shown);
  }

  /**
   * What the schema history says about a store.
   *
   * @param newest the newest version applied successfully (0 for a new store)
   * @param current whether the history is exactly this shiprun's migrations, oldest first, each
   *     applied successfully: then there is nothing for Flyway to do or to check
   */
  record SchemaHistory(int newest, boolean current) {}

  /**
   * The schema history in one query. Flyway is slow to load and scan its migrations, and the schema
   * changes only with a new shiprun, so opening the store runs it only when the history is not
   * current: a new or older store, a failed migration, or one this shiprun does not know (whose
   * errors stay Flyway's own).
   */
  static SchemaHistory schemaHistory(Connection c) throws SQLException {
    List<String> scripts = new ArrayList<>();
    boolean succeeded = true;
    int newest = 0;
    try (java.sql.Statement s = c.createStatement();
        java.sql.ResultSet r =
            s.executeQuery(
                "SELECT \"script\", \"version\", \"success\" FROM \"flyway_schema_history\""
                    + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (r.next()) {
        scripts.add(r.getString(1));
        boolean success = r.getBoolean(3);
        succeeded &= success;
        OptionalInt version = number(r.getString(2));
        if (success && version.isPresent()) {
          newest = Math.max(newest, version.getAsInt());
        }
      }
    } catch (SQLException e) {
      if (e.getErrorCode() == TABLE_NOT_FOUND || e.getErrorCode() == TABLE_NOT_FOUND_EMPTY) {
        return new SchemaHistory(0, false);
      }
      throw e;
    }
    return new SchemaHistory(newest, succeeded && scripts.equals(StoreMigrations.FILES));
  }

  /** The newest schema version applied successfully: 0 for a new store. */
  static int schemaVersion(Connection c) throws SQLException {
    return schemaHistory(c).newest();
  }

  /** A version of shiprun's own numbering ({@code 8}); another's ({@code 7.1}) is none. */
  private static OptionalInt number(String version) {
    return version.matches("[0-9]{1,9}")
        ? OptionalInt.of(Integer.parseInt(version))
        : OptionalInt.empty();
  }

  public Runs runs() {
    return runs;
  }

  public RunQueue queue() {
    return queue;
  }

  public Lines lines() {
    return lines;
  }

  public Versions versions() {
    return versions;
  }

  public WebhookDeliveries deliveries() {
    return deliveries;
  }

  /** Runs a trivial query: whether the database answers (the daemon's readiness check). */
  public void ping() {
    transaction(
        c -> {
          try (java.sql.Statement s = c.createStatement()) {
            return s.execute("SELECT 1");
          }
        });
  }

  /**
   * Runs {@code work} in one transaction. When the connection is lost — the process that served
   * this home's database to the others (H2's AUTO_SERVER: the first to open it) ended, or the
   * database closed — the pool is emptied and the whole work runs again on a new connection, which
   * opens the database here or reaches its new server; for at most {@link #RECONNECT_PATIENCE}. The
   * work only touches the database, and a transaction that failed was rolled back, so running it
   * again is safe.
   */
  public <T> T transaction(Work<T> work) {
    long deadline = System.nanoTime() + RECONNECT_PATIENCE.toNanos();
    long pause = 20;
    int full = 0;
    while (true) {
      try {
        return once(work);
      } catch (SQLException e) {
        // A full disk: the database is opened again once (the caller may have made room); a second
        // time the device is still full.
        boolean noSpace = StoreFailure.noSpace(e) && ++full > 1;
        if (noSpace || !StoreFailure.connectionLost(e) || System.nanoTime() > deadline) {
          throw new StoreException(describe(e), e);
        }
      }
      dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("the store failed: interrupted while reconnecting", e);
      }
      pause = Math.min(pause * 2, 500);
    }
  }

  private <T> T once(Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException lost) {
          e.addSuppressed(lost); // the connection is gone: nothing was committed
        }
        throw e;
      }
    }
  }

  private String describe(SQLException e) {
    if (StoreFailure.noSpace(e)) {
      return StoreFailure.noSpaceLeft(home);
    }
    return "the store failed: " + StoreFailure.firstLine(e);
  }

  /**
   * Compacts the file when it has outgrown its live data (see {@link StoreCompaction}), then closes
   * the pool. A store that cannot compact (a full disk, a lost connection) still closes: its file
   * stays as it was, consistent, and a later close compacts it.
   */
  @Override
  public void close() {
    try (Connection c = dataSource.getConnection()) {
      StoreCompaction.ifOutgrown(c);
    } catch (SQLException | RuntimeException e) {
      // Left for a later close: the file is consistent without compaction.
    }
    dataSource.close();
  }
}
