package dev.shiprun.runner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The line_source table: the assembly lines a daemon holds, by name. */
public final class Lines {

  private static final TypeReference<LinkedHashMap<String, String>> FILES =
      new TypeReference<>() {};

  private final ObjectMapper json;

  Lines(ObjectMapper json) {
    this.json = json;
  }

  /** Stores {@code source} under its name, replacing what was there; true when it is new. */
  public boolean put(Connection c, LineSource source) throws SQLException {
    boolean existed = delete(c, source.name());
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO line_source (name, path, files, updated_at) VALUES (?, ?, ?, ?)")) {
      s.setString(1, source.name());
      s.setString(2, source.path().map(Path::toString).orElse(null));
      s.setString(3, source.files().isEmpty() ? null : write(source.files()));
      s.setTimestamp(4, Timestamp.from(source.updatedAt().truncatedTo(ChronoUnit.MICROS)));
      s.executeUpdate();
    }
    return !existed;
  }

  public Optional<LineSource> get(Connection c, String name) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT name, path, files, updated_at FROM line_source WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.empty();
      }
    }
  }

  /**
   * When the line was last stored, without its files: enough to tell whether a parsed copy is still
   * the line (reading and decoding the files costs more than the rest of a trigger).
   */
  public Optional<Instant> updatedAt(Connection c, String name) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT updated_at FROM line_source WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getTimestamp(1).toInstant()) : Optional.empty();
      }
    }
  }

  /** Every line, by name. */
  public List<LineSource> list(Connection c) throws SQLException {
    List<LineSource> out = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT name, path, files, updated_at FROM line_source ORDER BY name");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(read(r));
      }
    }
    return out;
  }

  /** Removes the line (its versions and runs stay, as history); false when there was none. */
  public boolean delete(Connection c, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM line_source WHERE name = ?")) {
      s.setString(1, name);
      return s.executeUpdate() > 0;
    }
  }

  private LineSource read(ResultSet r) throws SQLException {
    String path = r.getString(2);
    String files = r.getString(3);
    return new LineSource(
        r.getString(1),
        Optional.ofNullable(path).map(Path::of),
        files == null ? Map.of() : read(files),
        r.getTimestamp(4).toInstant());
  }

  private String write(Map<String, String> files) {
    try {
      return json.writeValueAsString(files);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the files of a line as JSON", e);
    }
  }

  private Map<String, String> read(String files) throws SQLException {
    try {
      return json.readValue(files, FILES);
    } catch (JsonProcessingException e) {
      throw new SQLException("the stored files of a line are not JSON: " + e.getOriginalMessage());
    }
  }
}
