package dev.shiprun.runner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The newest of each thing of one line, one query each: the latest run of every job and the latest
 * version of every resource and job. What the line's picture and its status show.
 */
public final class LineLatest {

  private final Runs runs;
  private final Versions versions;

  LineLatest(Runs runs, Versions versions) {
    this.runs = runs;
    this.versions = versions;
  }

  /** Job name → its newest run (by id: the last one made), by job name. */
  public Map<String, Run> latestRunPerJob(Connection c, String line) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + Runs.COLUMNS
                + " FROM run WHERE id IN (SELECT MAX(id) FROM run WHERE line = ? GROUP BY job)"
                + " ORDER BY job")) {
      s.setString(1, line);
      Map<String, Run> out = new LinkedHashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Run run = runs.read(r);
          out.put(run.job(), run);
        }
      }
      return out;
    }
  }

  /** Resource or job name → its newest version (the highest number), by name. */
  public Map<String, StoredVersion> latestVersionPerName(Connection c, String line)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + Versions.COLUMNS
                + " FROM version WHERE line = ? AND (name, number) IN"
                + " (SELECT name, MAX(number) FROM version WHERE line = ? GROUP BY name)"
                + " ORDER BY name")) {
      s.setString(1, line);
      s.setString(2, line);
      Map<String, StoredVersion> out = new LinkedHashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          StoredVersion v = versions.read(r);
          out.put(v.name(), v);
        }
      }
      return out;
    }
  }
}
