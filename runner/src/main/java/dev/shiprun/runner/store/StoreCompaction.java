package dev.shiprun.runner.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;

/**
 * Compacts the store's file when the store closes, but only once the file has clearly outgrown its
 * live data: H2 would otherwise spend time compacting at every close (the JDBC URL turns that off),
 * and without any compaction the file grows with every run.
 *
 * <p>Only the process that holds the file compacts it (the others reach it through that process's
 * AUTO_SERVER), and only while no other process is connected to it, so a daemon or a CLI run that
 * shares the home never has the file rearranged under its transactions by a closing neighbour. H2's
 * compaction is not safe beside another session's commit, so the database is in exclusive mode
 * while it runs: a process that connects meanwhile is refused (H2's error 90135) rather than let
 * in. MVStore's compaction itself is crash safe: live pages are copied into new chunks before the
 * old ones are freed.
 */
final class StoreCompaction {

  /** How long one compaction step may take; H2's own default for a close. */
  static final int MAX_MILLIS = 200;

  /**
   * At most this many steps per close: a file a daemon grew over many commits needs several, a CLI
   * run's usually one.
   */
  static final int MAX_STEPS = 15;

  /** Dead space below this is left alone however small the live data is. */
  static final long SLACK_BYTES = 1L << 20;

  private StoreCompaction() {}

  /**
   * How the store's file is used.
   *
   * @param fileBytes the file's size
   * @param liveBytes the bytes of the pages still in use
   */
  record FileUse(long fileBytes, long liveBytes) {

    /**
     * The file is outgrown when its dead space exceeds both {@link #SLACK_BYTES} and the live data:
     * then the file is at most twice its live data plus the slack between two compactions.
     */
    boolean outgrown() {
      long dead = fileBytes - liveBytes;
      return dead > SLACK_BYTES && dead > liveBytes;
    }

    /** The use of {@code file}: its blocks' fill rate times its chunks' share of live pages. */
    static FileUse of(FileStore<?> file) {
      long size = file.size();
      return new FileUse(size, size * file.getFillRate() / 100 * file.getChunksFillRate() / 100);
    }
  }

  /**
   * Compacts the file behind {@code connection} when this process holds it, no other process is
   * connected and the file is {@linkplain FileUse#outgrown() outgrown}: step by step until it is
   * not, a step gains nothing, or {@link #MAX_STEPS} were taken. Whether it compacted.
   */
  static boolean ifOutgrown(Connection connection) throws SQLException {
    if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
      return false; // another process holds the file
    }
    org.h2.mvstore.db.Store store = session.getDatabase().getStore();
    if (store == null || store.getMvStore().getFileStore() == null) {
      return false;
    }
    FileStore<?> file = store.getMvStore().getFileStore();
    if (file.isReadOnly() || !FileUse.of(file).outgrown()) {
      return false;
    }
    try (Statement exclusive = connection.createStatement()) {
      exclusive.execute("SET EXCLUSIVE 1"); // from here on no other session can begin
      try {
        boolean shared =
            Arrays.stream(session.getDatabase().getSessions(false))
                .anyMatch(s -> s.getNetworkConnectionInfo() != null);
        return !shared && compact(store, file);
      } finally {
        exclusive.execute("SET EXCLUSIVE 0");
      }
    }
  }

  /** Compacts in steps while the file is outgrown and a step gains something. */
  private static boolean compact(org.h2.mvstore.db.Store store, FileStore<?> file) {
    FileUse use = FileUse.of(file);
    int steps = 0;
    while (use.outgrown() && steps < MAX_STEPS) {
      store.compactFile(MAX_MILLIS);
      steps++;
      FileUse after = FileUse.of(file);
      if (after.fileBytes() >= use.fileBytes()) {
        break; // nothing more to gain now
      }
      use = after;
    }
    return steps > 0;
  }
}
