package dev.shiprun.runner.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;

/** A home as an older shiprun left it, for the tests of the store's upgrades. */
final class OlderStore {

  private OlderStore() {}

  /** The store of {@code home} with the migrations up to {@code version} and one finished run. */
  static void withOneRun(Path home, String version) throws Exception {
    Path folder = home.resolve(Store.FOLDER);
    Files.createDirectories(folder);
    String url = Store.url(folder);
    Flyway.configure()
        .dataSource(url, "sa", "")
        .resourceProvider(new StoreMigrations())
        .javaMigrationClassProvider(List::of)
        .target(version)
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO run (line, job, build_number, status, triggered_by, created_at,"
              + " finished_at) VALUES ('line', 'build', 1, 'success', 'manual',"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }
  }
}
