package dev.shiprun.runner.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Whether the store of a home opens, asked without changing it: no store is made where there is
 * none, no migration runs and no run is marked interrupted ({@link Store#open} does those). With
 * {@code AUTO_SERVER} a daemon holding the store answers through its own server.
 */
public final class StoreProbe {

  /** What the probe found. */
  public sealed interface Finding {

    /** The home has no store: the first run makes it. */
    record Missing(Path folder) implements Finding {}

    /**
     * The store answers.
     *
     * @param schema the newest schema version applied to it
     * @param known the schema version this shiprun makes
     * @param runs how many runs it holds
     */
    record Ready(Path folder, int schema, int known, long runs) implements Finding {}

    /** The store cannot be used: one line naming the path and the fix. */
    record Refused(String reason) implements Finding {}
  }

  /** H2: the database file is locked by another process. */
  private static final int DATABASE_ALREADY_OPEN = 90020;

  private StoreProbe() {}

  public static Finding probe(Path home) {
    Path folder = home.resolve(Store.FOLDER);
    Optional<String> refused = StoreFailure.checkAccess(home, folder);
    if (refused.isPresent()) {
      return new Finding.Refused(refused.get());
    }
    if (!Files.isRegularFile(folder.resolve(Store.DATABASE + ".mv.db"))) {
      return new Finding.Missing(folder);
    }
    try (Connection c = connect(folder)) {
      int schema = Store.schemaVersion(c);
      int known = Integer.parseInt(Store.SCHEMA_VERSION);
      return new Finding.Ready(folder, schema, known, schema > 0 ? runs(c) : 0);
    } catch (SQLException | RuntimeException e) {
      return new Finding.Refused(Store.cannotOpen(home, folder, e));
    }
  }

  /**
   * The database read-only, so not a byte of it changes; when another process holds it (a daemon, a
   * run), through that process's server as {@link Store#open} reaches it. IFEXISTS: a database
   * removed since the look above is refused, not made again.
   */
  private static Connection connect(Path folder) throws SQLException {
    Properties user = new Properties();
    user.setProperty("user", "sa");
    user.setProperty("password", "");
    org.h2.Driver driver = new org.h2.Driver();
    String file = "jdbc:h2:file:" + folder.toAbsolutePath().resolve(Store.DATABASE);
    try {
      return driver.connect(file + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0", user);
    } catch (SQLException e) {
      if (!inUse(e)) {
        throw e;
      }
      return driver.connect(Store.url(folder) + ";IFEXISTS=TRUE", user);
    }
  }

  /** H2's "Database may be already in use": another process has the file open. */
  private static boolean inUse(SQLException e) {
    return e.getErrorCode() == DATABASE_ALREADY_OPEN;
  }

  private static long runs(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM run")) {
      return r.next() ? r.getLong(1) : 0;
    }
  }
}
