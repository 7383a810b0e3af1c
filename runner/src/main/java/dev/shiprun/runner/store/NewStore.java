package dev.shiprun.runner.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.zip.CRC32;
import org.h2.tools.RunScript;

/**
 * Makes the database of a new store without Flyway: its migrations and Flyway's schema history
 * table, with the rows and checksums Flyway writes itself, so a later shiprun's Flyway takes the
 * store as its own (StoreSchemaTest compares both schemas and histories). Loading and running
 * Flyway is most of a new store's cost in time and memory.
 *
 * <p>The database is made under a temporary name in the store's folder and then linked to its name,
 * which fails when the name exists: a store is never seen half made, and of two processes making
 * one at once, one wins and the other opens it.
 */
final class NewStore {

  /** Flyway's schema history table, in the schema H2 makes by default. */
  static final String HISTORY = "\"PUBLIC\".\"flyway_schema_history\"";

  /** Who Flyway writes as the installer: H2's {@code USER()} of the store's user {@code sa}. */
  private static final String INSTALLED_BY = "SA";

  private NewStore() {}

  /**
   * Makes the database file {@code name}.mv.db in {@code folder} unless it exists. Returns whether
   * the store is there now; false when it could not be made this way (Flyway then makes it, and
   * reports what stops it in its own terms).
   */
  static boolean make(Path folder, String name) {
    Path file = folder.resolve(name + ".mv.db");
    if (Files.exists(file)) {
      return true;
    }
    String temporary = name + ".new-" + UUID.randomUUID();
    Path made = folder.resolve(temporary + ".mv.db");
    try {
      try (Connection c =
          DriverManager.getConnection(
              "jdbc:h2:file:" + folder.toAbsolutePath().resolve(temporary) + ";TRACE_LEVEL_FILE=0",
              "sa",
              "")) {
        migrate(c);
      }
      Files.createLink(file, made);
      return true;
    } catch (FileAlreadyExistsException e) {
      return true;
    } catch (SQLException | IOException | UncheckedIOException | UnsupportedOperationException e) {
      return false;
    } finally {
      try {
        Files.deleteIfExists(made);
        Files.deleteIfExists(folder.resolve(temporary + ".trace.db"));
      } catch (IOException e) {
        // A leftover temporary file holds nothing of the store's.
      }
    }
  }

  /** What Flyway's migrate does to an empty H2 database, in its order. */
  static void migrate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + HISTORY
              + " (\n"
              + "    \"installed_rank\" INT NOT NULL,\n"
              + "    \"version\" VARCHAR(50),\n"
              + "    \"description\" VARCHAR(200) NOT NULL,\n"
              + "    \"type\" VARCHAR(20) NOT NULL,\n"
              + "    \"script\" VARCHAR(1000) NOT NULL,\n"
              + "    \"checksum\" INT,\n"
              + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
              + "    \"installed_on\" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
              + "    \"execution_time\" INT NOT NULL,\n"
              + "    \"success\" BOOLEAN NOT NULL,\n"
              + "    CONSTRAINT \"flyway_schema_history_pk\" PRIMARY KEY (\"installed_rank\")\n"
              + ") AS SELECT -1, NULL, '<< Flyway Schema History table created >>', 'TABLE', '',"
              + " NULL, '"
              + INSTALLED_BY
              + "', CURRENT_TIMESTAMP, 0, TRUE");
      s.execute(
          "CREATE INDEX \"PUBLIC\".\"flyway_schema_history_s_idx\" ON "
              + HISTORY
              + " (\"success\")");
    }
    int rank = 0;
    for (String file : StoreMigrations.FILES) {
      String sql = read(file);
      long start = System.nanoTime();
      RunScript.execute(c, new StringReader(sql));
      int took = (int) ((System.nanoTime() - start) / 1_000_000);
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO "
                  + HISTORY
                  + " (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                  + " \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                  + " VALUES (?, ?, ?, 'SQL', ?, ?, ?, ?, TRUE)")) {
        p.setInt(1, ++rank);
        p.setString(2, version(file));
        p.setString(3, description(file));
        p.setString(4, file);
        p.setInt(5, checksum(sql));
        p.setString(6, INSTALLED_BY);
        p.setInt(7, took);
        p.executeUpdate();
      }
    }
  }

  /** {@code V2__resource_ids.sql}: {@code 2}. */
  static String version(String file) {
    return file.substring(1, file.indexOf("__"));
  }

  /** {@code V2__resource_ids.sql}: {@code resource ids}, as Flyway describes it. */
  static String description(String file) {
    return file.substring(file.indexOf("__") + 2, file.length() - ".sql".length())
        .replace('_', ' ');
  }

  /** Flyway's checksum of a migration: CRC-32 of its lines' UTF-8 bytes, without line ends. */
  static int checksum(String sql) {
    CRC32 crc = new CRC32();
    try (BufferedReader lines = new BufferedReader(new StringReader(sql))) {
      String line = lines.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      for (; line != null; line = lines.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (int) crc.getValue();
  }

  private static String read(String file) {
    String path = StoreMigrations.FOLDER + "/" + file;
    try (InputStream in = NewStore.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the store migration " + path + " is missing from shiprun");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
