package dev.shiprun.runner.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalPropertiesReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

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
  static final String SCHEMA_VERSION = "5";

  private final AgroalDataSource dataSource;
  private final Runs runs;
  private final Versions versions;
  private final Lines lines;
  private final RunQueue queue;

  private Store(AgroalDataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.runs = new Runs();
    this.versions = new Versions(json);
    this.lines = new Lines(json);
    this.queue = new RunQueue(json, runs);
  }

  /**
   * Opens (and creates or migrates) the store of {@code home}, then marks runs whose process is
   * gone as interrupted.
   */
  public static Store open(Path home, ObjectMapper json) {
    Path folder = home.resolve("store");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the store folder "
              + folder
              + " ("
              + e.getClass().getSimpleName().replace("Exception", "")
              + ": "
              + e.getMessage()
              + "); give a writable --home or SHIPRUN_HOME",
          e);
    }
    // WRITE_DELAY=0: a commit reaches the file at once, so a run started just before a crash is
    // found (and marked interrupted) on the next start. QUERY_CACHE_SIZE: a job runs about a dozen
    // different statements on the one pooled connection; H2 keeps 8 parsed by default.
    String url =
        "jdbc:h2:file:"
            + folder.toAbsolutePath().resolve("shiprun")
            + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
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
      throw new StoreException("cannot open the store in " + folder + ": " + firstLine(e), e);
    }
    try {
      if (!isCurrent(dataSource)) {
        Flyway.configure()
            .dataSource(dataSource)
            .resourceProvider(new StoreMigrations())
            .javaMigrationClassProvider(List::of)
            .load()
            .migrate();
      }
    } catch (FlywayException e) {
      dataSource.close();
      throw new StoreException(
          "cannot prepare the store in "
              + folder
              + ": "
              + firstLine(e)
              + "; if another shiprun version made it, use that version or a new --home",
          e);
    }
    Store store = new Store(dataSource, json);
    store.transaction(c -> store.runs.markInterrupted(c));
    return store;
  }

  /**
   * Whether the schema is already at {@link #SCHEMA_VERSION}. Flyway costs ≈ 0.4 s to load and scan
   * its migrations; every {@code runs}, {@code logs} and {@code run} opened the store that way
   * although the schema changes only with a new shiprun. A store that is new, older or unreadable
   * goes through Flyway.
   */
  private static boolean isCurrent(AgroalDataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet r =
            s.executeQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                    + " ORDER BY \"installed_rank\" DESC FETCH FIRST 1 ROWS ONLY")) {
      return r.next() && SCHEMA_VERSION.equals(r.getString(1));
    } catch (SQLException noHistoryYet) {
      return false;
    }
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

  /** Runs a trivial query: whether the database answers (the daemon's readiness check). */
  public void ping() {
    transaction(
        c -> {
          try (java.sql.Statement s = c.createStatement()) {
            return s.execute("SELECT 1");
          }
        });
  }

  public <T> T transaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("the store failed: " + firstLine(e), e);
    }
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
