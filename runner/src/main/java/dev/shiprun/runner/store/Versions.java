package dev.shiprun.runner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The version table: resource and job versions, numbered per name within a line. */
public final class Versions {

  /**
   * The newest version first, and only it. The order names the key's leading columns too: then H2
   * reads the {@code (line, name, number)} key backwards from the newest and stops, where {@code
   * ORDER BY number DESC} alone makes it read every version of the name.
   */
  private static final String NEWEST_FIRST =
      " ORDER BY line DESC, name DESC, number DESC FETCH FIRST 1 ROWS ONLY";

  private static final String COLUMNS =
      "id, line, name, kind, number, version_name, property_bag, files_sha, created_by_run,"
          + " created_at";

  /** {@link #COLUMNS} of table alias {@code v}. */
  private static final String PREFIXED = Columns.prefixed(COLUMNS, "v");

  private static final TypeReference<LinkedHashMap<String, Object>> BAG = new TypeReference<>() {};

  private final ObjectMapper json;

  Versions(ObjectMapper json) {
    this.json = json;
  }

  /** Posts a version with the next number of its name. */
  public StoredVersion post(Connection c, NewVersion v) throws SQLException {
    int number = lastNumber(c, v.line(), v.name()) + 1;
    // Micro-seconds: what the column keeps, so the time below is the one a read gives back.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String bag = write(v.propertyBag());
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO version (line, name, kind, number, version_name, property_bag, files,"
                + " files_sha, created_by_run, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, v.line());
      s.setString(2, v.name());
      s.setString(3, v.kind().wire());
      s.setInt(4, number);
      s.setString(5, v.versionName().orElse(null));
      s.setString(6, bag);
      s.setBytes(7, v.files().map(StateArchive.Packed::bytes).orElse(null));
      s.setString(8, v.files().map(StateArchive.Packed::sha).orElse(null));
      if (v.createdByRun().isPresent()) {
        s.setLong(9, v.createdByRun().getAsLong());
      } else {
        s.setNull(9, Types.BIGINT);
      }
      s.setTimestamp(10, Timestamp.from(now));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return new StoredVersion(
            keys.getLong(1),
            v.line(),
            v.name(),
            v.kind(),
            number,
            v.versionName(),
            v.propertyBag(),
            v.files().map(StateArchive.Packed::sha),
            v.createdByRun(),
            now);
      }
    }
  }

  /** The highest version number of {@code name}, 0 when it has none. */
  private static int lastNumber(Connection c, String line, String name) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COALESCE(MAX(number), 0) FROM version WHERE line = ? AND name = ?")) {
      s.setString(1, line);
      s.setString(2, name);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  public Optional<StoredVersion> latest(Connection c, String line, String name)
      throws SQLException {
    return one(
        c,
        "SELECT " + COLUMNS + " FROM version WHERE line = ? AND name = ?" + NEWEST_FIRST,
        line,
        name);
  }

  public Optional<StoredVersion> byNumber(Connection c, String line, String name, int number)
      throws SQLException {
    return one(
        c,
        "SELECT " + COLUMNS + " FROM version WHERE line = ? AND name = ? AND number = " + number,
        line,
        name);
  }

  /** The newest version of {@code name} whose versionName is {@code versionName}. */
  public Optional<StoredVersion> byName(Connection c, String line, String name, String versionName)
      throws SQLException {
    return one(
        c,
        "SELECT "
            + COLUMNS
            + " FROM version WHERE line = ? AND name = ? AND version_name = ?"
            + NEWEST_FIRST,
        line,
        name,
        versionName);
  }

  /**
   * The newest version of each resource and job of {@code line} that has one: one query, each
   * version found through the {@code (line, name, number)} key.
   */
  public List<StoredVersion> latestPerName(Connection c, String line) throws SQLException {
    return many(
        c,
        "SELECT "
            + PREFIXED
            + " FROM version v JOIN (SELECT name, MAX(number) AS number FROM version"
            + " WHERE line = ? GROUP BY name) newest ON v.line = ? AND v.name = newest.name"
            + " AND v.number = newest.number ORDER BY v.name",
        line,
        line);
  }

  /**
   * The versions runs {@code runIds} made (their OUT versions and their jobs' own), in the order
   * they were posted: one query for all of them.
   */
  public List<StoredVersion> madeBy(Connection c, Collection<Long> runIds) throws SQLException {
    if (runIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", Collections.nCopies(runIds.size(), "?"));
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM version WHERE created_by_run IN ("
                + marks
                + ") ORDER BY id")) {
      int i = 1;
      for (long id : runIds) {
        s.setLong(i++, id);
      }
      List<StoredVersion> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(read(r));
        }
      }
      return out;
    }
  }

  /** Every version of {@code name}, newest first. */
  public List<StoredVersion> list(Connection c, String line, String name) throws SQLException {
    return many(
        c,
        "SELECT " + COLUMNS + " FROM version WHERE line = ? AND name = ? ORDER BY number DESC",
        line,
        name);
  }

  /** The names of a line that have at least one version. */
  public Set<String> namesWithVersions(Connection c, String line) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT DISTINCT name FROM version WHERE line = ?")) {
      s.setString(1, line);
      Set<String> out = new HashSet<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    }
  }

  /** The lines that hold versions of {@code name}. */
  public List<String> linesWith(Connection c, String name) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT DISTINCT line FROM version WHERE name = ? ORDER BY line")) {
      s.setString(1, name);
      List<String> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    }
  }

  /** The saved files of a version, if it has any. */
  public Optional<byte[]> files(Connection c, long versionId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT files FROM version WHERE id = ?")) {
      s.setLong(1, versionId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.ofNullable(r.getBytes(1)) : Optional.empty();
      }
    }
  }

  /** The id of a resource or job of a line, made on first use and the same ever after. */
  public long resourceId(Connection c, String line, String name) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      try (PreparedStatement s =
          c.prepareStatement("SELECT id FROM resource_id WHERE line = ? AND name = ?")) {
        s.setString(1, line);
        s.setString(2, name);
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            return r.getLong(1);
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement("INSERT INTO resource_id (line, name) VALUES (?, ?)")) {
        s.setString(1, line);
        s.setString(2, name);
        s.executeUpdate();
      } catch (SQLException raced) {
        if (attempt > 0) {
          throw raced; // another process made it between our SELECT and INSERT: read it again
        }
      }
    }
  }

  /** The sha of the YAML definition the resource's last YAML-made version came from. */
  public Optional<String> yamlSeed(Connection c, String line, String resource) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT definition_sha FROM yaml_seed WHERE line = ? AND resource = ?")) {
      s.setString(1, line);
      s.setString(2, resource);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }

  public void putYamlSeed(Connection c, String line, String resource, String sha)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM yaml_seed WHERE line = ? AND resource = ?")) {
      s.setString(1, line);
      s.setString(2, resource);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO yaml_seed (line, resource, definition_sha) VALUES (?, ?, ?)")) {
      s.setString(1, line);
      s.setString(2, resource);
      s.setString(3, sha);
      s.executeUpdate();
    }
  }

  /** The refs last seen in a gitRepo's repository, by full ref name ({@code refs/heads/main}). */
  public Map<String, String> gitRefs(Connection c, String line, String resource)
      throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT ref, sha FROM git_ref WHERE line = ? AND resource = ? ORDER BY ref")) {
      s.setString(1, line);
      s.setString(2, resource);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), r.getString(2));
        }
      }
    }
    return out;
  }

  /** Replaces the refs seen in a gitRepo's repository. */
  public void putGitRefs(Connection c, String line, String resource, Map<String, String> refs)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM git_ref WHERE line = ? AND resource = ?")) {
      s.setString(1, line);
      s.setString(2, resource);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO git_ref (line, resource, ref, sha) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, String> ref : refs.entrySet()) {
        s.setString(1, line);
        s.setString(2, resource);
        s.setString(3, ref.getKey());
        s.setString(4, ref.getValue());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private Optional<StoredVersion> one(Connection c, String sql, String... args)
      throws SQLException {
    List<StoredVersion> all = many(c, sql, args);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private List<StoredVersion> many(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      List<StoredVersion> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(read(r));
        }
      }
      return out;
    }
  }

  private StoredVersion read(ResultSet r) throws SQLException {
    long run = r.getLong(9);
    boolean noRun = r.wasNull();
    return new StoredVersion(
        r.getLong(1),
        r.getString(2),
        r.getString(3),
        VersionKind.valueOf(r.getString(4).toUpperCase(Locale.ROOT)),
        r.getInt(5),
        Optional.ofNullable(r.getString(6)),
        readBag(r.getString(7)),
        Optional.ofNullable(r.getString(8)),
        noRun ? OptionalLong.empty() : OptionalLong.of(run),
        r.getTimestamp(10).toInstant());
  }

  private String write(Map<String, Object> bag) {
    try {
      return json.writeValueAsString(bag);
    } catch (JsonProcessingException e) {
      throw new StoreException("a version's properties cannot be written as JSON", e);
    }
  }

  private Map<String, Object> readBag(String text) {
    try {
      return json.readValue(text, BAG);
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored version's properties are not valid JSON", e);
    }
  }
}
