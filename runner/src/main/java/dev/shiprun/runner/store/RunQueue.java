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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The run_request table: the daemon's durable queue. Requests are taken oldest first, one per line
 * at a time; taking one is a conditional update, so two workers (or two daemons on one store) never
 * take the same one, nor two of one line. A taken request leaves the table when its worker is done
 * with it (its run and what that triggered).
 */
public final class RunQueue {

  /** How many of the oldest queued requests a take looks at first. */
  private static final int NEAR = 64;

  private static final String COLUMNS =
      "id, line, job, variables, status, created_at, taken_at, run_id";
  private static final TypeReference<LinkedHashMap<String, String>> VARIABLES =
      new TypeReference<>() {};

  private final ObjectMapper json;
  private final Runs runs;

  RunQueue(ObjectMapper json, Runs runs) {
    this.json = json;
    this.runs = runs;
  }

  /**
   * A manual trigger: a queued run of {@code job} (with its build number) and the request a worker
   * will take, in the caller's transaction.
   */
  public Run submit(
      Connection c, String line, String job, String triggeredBy, Map<String, String> variables)
      throws SQLException {
    Run run = runs.queue(c, line, job, triggeredBy);
    enqueue(c, line, job, variables, run.id());
    return run;
  }

  /** Queues a request for the queued run {@code runId} (made in the same transaction). */
  private RunRequest enqueue(
      Connection c, String line, String job, Map<String, String> variables, long runId)
      throws SQLException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO run_request (line, job, variables, status, created_at, run_id)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, line);
      s.setString(2, job);
      s.setString(3, write(variables));
      s.setString(4, RunRequest.Status.QUEUED.wire());
      s.setTimestamp(5, Timestamp.from(now));
      s.setLong(6, runId);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return new RunRequest(
            keys.getLong(1),
            line,
            job,
            variables,
            RunRequest.Status.QUEUED,
            now,
            Optional.empty(),
            OptionalLong.of(runId));
      }
    }
  }

  /**
   * The oldest queued request of a line that has none taken, now taken; empty when there is none.
   * Runs of one line go one at a time (a taken request stays until its worker is done with it and
   * everything its run triggered), lines side by side: a worker never waits for a line that is busy
   * while another line's request waits. The update checks the line again, in the same statement
   * that takes the request, so two workers (or two daemons on one store) never take two requests of
   * one line, nor a newer request of a line before its older one.
   */
  public Optional<RunRequest> take(Connection c) throws SQLException {
    Set<String> busy = busyLines(c);
    Candidates first = candidates(c, new HashSet<>(busy), 8, NEAR);
    Optional<RunRequest> taken = takeFirst(c, first.ids());
    if (taken.isEmpty() && !first.all()) {
      // Every candidate among the oldest requests was taken by another worker meanwhile: look at
      // the whole queue, as the oldest rows may all belong to a line that is busy now.
      taken = takeFirst(c, candidates(c, busy, 8, Integer.MAX_VALUE).ids());
    }
    return taken;
  }

  private Optional<RunRequest> takeFirst(Connection c, List<Long> ids) throws SQLException {
    for (long id : ids) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE run_request r SET status = ?, taken_at = ? WHERE r.id = ? AND r.status = ?"
                  + " AND NOT EXISTS (SELECT 1 FROM run_request o WHERE o.status = ?"
                  + " AND o.line = r.line)"
                  + " AND NOT EXISTS (SELECT 1 FROM run_request o WHERE o.status = ?"
                  + " AND o.id < r.id AND o.line = r.line)")) {
        // Two conditions, each read through the status index: no request of the line is taken,
        // and none of it waits longer (a request is queued or taken, nothing else).
        s.setString(1, RunRequest.Status.TAKEN.wire());
        s.setTimestamp(2, Timestamp.from(now));
        s.setLong(3, id);
        s.setString(4, RunRequest.Status.QUEUED.wire());
        s.setString(5, RunRequest.Status.TAKEN.wire());
        s.setString(6, RunRequest.Status.QUEUED.wire());
        if (s.executeUpdate() == 1) {
          return get(c, id);
        }
      }
    }
    return Optional.empty();
  }

  /** The lines that have a request taken. */
  private Set<String> busyLines(Connection c) throws SQLException {
    Set<String> busy = new HashSet<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT DISTINCT line FROM run_request WHERE status = ?")) {
      s.setString(1, RunRequest.Status.TAKEN.wire());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          busy.add(r.getString(1));
        }
      }
    }
    return busy;
  }

  /** Candidate ids, and whether the whole queue was looked at to find them. */
  private record Candidates(List<Long> ids, boolean all) {}

  /**
   * Up to {@code limit} ids of requests that may be taken now, oldest first: the oldest queued
   * request of each line not in {@code busy}, among the {@code rows} oldest queued requests. Chosen
   * here rather than in one SQL statement so the scan reads two small columns through the status
   * index, not a subquery per queued row; bounded so a long queue is not read whole at every take.
   * The order names the status too: then H2 reads the index in its order and stops at the bound,
   * where {@code ORDER BY id} alone makes it read and sort every queued row.
   */
  private Candidates candidates(Connection c, Set<String> busy, int limit, int rows)
      throws SQLException {
    List<Long> out = new ArrayList<>();
    int read = 0;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, line FROM run_request WHERE status = ? ORDER BY status, id"
                + " FETCH FIRST ? ROWS ONLY")) {
      s.setString(1, RunRequest.Status.QUEUED.wire());
      s.setInt(2, rows);
      try (ResultSet r = s.executeQuery()) {
        while (out.size() < limit && r.next()) {
          read++;
          // A line's first queued request is its candidate; its later ones wait behind it.
          if (busy.add(r.getString(2))) {
            out.add(r.getLong(1));
          }
        }
      }
    }
    return new Candidates(out, read < rows && out.size() < limit);
  }

  private Optional<RunRequest> get(Connection c, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + COLUMNS + " FROM run_request WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.empty();
      }
    }
  }

  /**
   * Removes the request of run {@code runId} if no worker has taken it (the run was cancelled while
   * it waited); a taken one stays until its worker is done, so its line stays busy until then.
   */
  public void removeForRun(Connection c, long runId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM run_request WHERE run_id = ? AND status = ?")) {
      s.setLong(1, runId);
      s.setString(2, RunRequest.Status.QUEUED.wire());
      s.executeUpdate();
    }
  }

  /** A taken request goes back to the queue, untouched (its worker stopped before it began). */
  public void release(Connection c, long requestId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE run_request SET status = ?, taken_at = NULL WHERE id = ? AND status = ?")) {
      s.setString(1, RunRequest.Status.QUEUED.wire());
      s.setLong(2, requestId);
      s.setString(3, RunRequest.Status.TAKEN.wire());
      s.executeUpdate();
    }
  }

  /** The request is done: its run holds the outcome. */
  public void remove(Connection c, long requestId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM run_request WHERE id = ?")) {
      s.setLong(1, requestId);
      s.executeUpdate();
    }
  }

  /**
   * After a crash: a taken request whose run is still queued goes back to the queue (its worker
   * died before the run began); one whose run began is removed (the store marked that run
   * interrupted when it opened). Queued requests stay as they are and run.
   *
   * @return how many went back to the queue
   */
  public int recover(Connection c) throws SQLException {
    int back;
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE run_request SET status = ?, taken_at = NULL WHERE status = ? AND run_id IN"
                + " (SELECT id FROM run WHERE status = ?)")) {
      s.setString(1, RunRequest.Status.QUEUED.wire());
      s.setString(2, RunRequest.Status.TAKEN.wire());
      s.setString(3, RunStatus.QUEUED.wire());
      back = s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM run_request WHERE status = ? OR run_id NOT IN"
                + " (SELECT id FROM run WHERE status = ?)")) {
      s.setString(1, RunRequest.Status.TAKEN.wire());
      s.setString(2, RunStatus.QUEUED.wire());
      s.executeUpdate();
    }
    return back;
  }

  /** Up to {@code limit} queued requests, oldest first. */
  public List<RunRequest> queued(Connection c, int limit) throws SQLException {
    List<RunRequest> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM run_request WHERE status = ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
      s.setString(1, RunRequest.Status.QUEUED.wire());
      s.setInt(2, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(read(r));
        }
      }
    }
    return out;
  }

  /**
   * How many requests wait (the queue length of the metrics and of the limit): all requests less
   * the taken ones, as a request is one or the other. H2 knows a table's row count without reading
   * it, and the taken requests are at most one per line, where counting the queued ones reads every
   * one of them at each trigger.
   */
  public int length(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT (SELECT COUNT(*) FROM run_request)"
                + " - (SELECT COUNT(*) FROM run_request WHERE status = ?)")) {
      s.setString(1, RunRequest.Status.TAKEN.wire());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  private RunRequest read(ResultSet r) throws SQLException {
    Timestamp taken = r.getTimestamp(7);
    long runId = r.getLong(8);
    boolean noRun = r.wasNull();
    return new RunRequest(
        r.getLong(1),
        r.getString(2),
        r.getString(3),
        read(r.getString(4)),
        RunRequest.Status.fromWire(r.getString(5)),
        r.getTimestamp(6).toInstant(),
        Optional.ofNullable(taken).map(Timestamp::toInstant),
        noRun ? OptionalLong.empty() : OptionalLong.of(runId));
  }

  private String write(Map<String, String> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a request's variables as JSON", e);
    }
  }

  private Map<String, String> read(String variables) throws SQLException {
    if (variables == null) {
      return Map.of();
    }
    try {
      return json.readValue(variables, VARIABLES);
    } catch (JsonProcessingException e) {
      throw new SQLException("stored request variables are not JSON: " + e.getOriginalMessage());
    }
  }
}
