package dev.shiprun.runner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The run table: creating runs with their build numbers, moving them through their statuses. */
public final class Runs {

  private static final String COLUMNS =
      "id, line, job, build_number, status, triggered_by, reason, created_at, started_at,"
          + " finished_at, report, steps";

  private static final TypeReference<LinkedHashMap<String, Object>> REPORT =
      new TypeReference<>() {};

  /** How often a run's insert reads the next build number again after another process took it. */
  private static final int BUILD_NUMBER_ATTEMPTS = 20;

  /** When this process started, as the run rows record it (read once: it never changes). */
  private final long ownerStarted = startMillis(ProcessHandle.current());

  private final ObjectMapper json;

  Runs(ObjectMapper json) {
    this.json = json;
  }

  /** A new run of {@code job}, processing, owned by this process; its build number is the next. */
  public Run start(Connection c, String line, String job, String triggeredBy) throws SQLException {
    Instant now = now();
    return insert(c, line, job, triggeredBy, RunStatus.PROCESSING, Optional.of(now), now);
  }

  /**
   * A new run of {@code job} waiting in the daemon's queue: its build number is given now (as
   * Shippable numbered queued builds), no process owns it yet. {@link #begin} starts it.
   */
  public Run queue(Connection c, String line, String job, String triggeredBy) throws SQLException {
    return insert(c, line, job, triggeredBy, RunStatus.QUEUED, Optional.empty(), now());
  }

  /**
   * A queued run starts: processing, owned by this process. Empty when it is not queued (it was
   * cancelled while it waited).
   */
  public Optional<Run> begin(Connection c, long id) throws SQLException {
    Instant now = now();
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE run SET status = ?, owner_pid = ?, owner_started = ?, started_at = ?"
                + " WHERE id = ? AND status = ?")) {
      s.setString(1, RunStatus.PROCESSING.wire());
      s.setLong(2, ProcessHandle.current().pid());
      s.setLong(3, ownerStarted);
      s.setTimestamp(4, Timestamp.from(now));
      s.setLong(5, id);
      s.setString(6, RunStatus.QUEUED.wire());
      if (s.executeUpdate() != 1) {
        return Optional.empty();
      }
    }
    return get(c, id);
  }

  /**
   * Ends a run that is still queued ({@code cancelled} by a user, {@code error} when its line or
   * job is gone); false when it is not queued (it began, or it ended).
   */
  public boolean endQueued(Connection c, long id, RunStatus status, String reason)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE run SET status = ?, reason = ?, finished_at = ? WHERE id = ? AND status = ?")) {
      s.setString(1, status.wire());
      s.setString(2, reason);
      s.setTimestamp(3, Timestamp.from(Instant.now()));
      s.setLong(4, id);
      s.setString(5, RunStatus.QUEUED.wire());
      return s.executeUpdate() == 1;
    }
  }

  /** Whether a processing run's owner is this very process (a daemon asking about its own run). */
  public boolean ownedHere(Connection c, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT owner_pid, owner_started FROM run WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            && r.getLong(1) == ProcessHandle.current().pid()
            && r.getLong(2) == ownerStarted;
      }
    }
  }

  private Run insert(
      Connection c,
      String line,
      String job,
      String triggeredBy,
      RunStatus status,
      Optional<Instant> started,
      Instant now)
      throws SQLException {
    // Another process (a CLI run beside a daemon's queue) may take the same next number between
    // the read and the insert: the insert then waits for its commit and is refused as a duplicate.
    // The number is read again, from a savepoint, until one is free.
    for (int attempt = 1; ; attempt++) {
      Savepoint before = c.setSavepoint();
      try {
        Run run = insertOnce(c, line, job, triggeredBy, status, started, now);
        c.releaseSavepoint(before);
        return run;
      } catch (SQLException e) {
        c.rollback(before);
        if (!isDuplicate(e) || attempt == BUILD_NUMBER_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static boolean isDuplicate(SQLException e) {
    return "23505".equals(e.getSQLState()) || e.getErrorCode() == 23505;
  }

  private Run insertOnce(
      Connection c,
      String line,
      String job,
      String triggeredBy,
      RunStatus status,
      Optional<Instant> started,
      Instant now)
      throws SQLException {
    int buildNumber;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT build_number FROM run WHERE line = ? AND job = ?"
                + " ORDER BY line DESC, job DESC, build_number DESC FETCH FIRST 1 ROW ONLY")) {
      // Read backwards through the (line, job, build_number) key, stopping at the first row:
      // MAX(build_number) reads every run of the job.
      s.setString(1, line);
      s.setString(2, job);
      try (ResultSet r = s.executeQuery()) {
        buildNumber = r.next() ? r.getInt(1) + 1 : 1;
      }
    }
    boolean owned = status == RunStatus.PROCESSING;
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO run (line, job, build_number, status, triggered_by, owner_pid,"
                + " owner_started, created_at, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, line);
      s.setString(2, job);
      s.setInt(3, buildNumber);
      s.setString(4, status.wire());
      s.setString(5, triggeredBy);
      if (owned) {
        s.setLong(6, ProcessHandle.current().pid());
        s.setLong(7, ownerStarted);
      } else {
        s.setNull(6, Types.BIGINT);
        s.setNull(7, Types.BIGINT);
      }
      s.setTimestamp(8, Timestamp.from(now));
      s.setTimestamp(9, started.map(Timestamp::from).orElse(null));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return new Run(
            keys.getLong(1),
            line,
            job,
            buildNumber,
            status,
            triggeredBy,
            Optional.empty(),
            now,
            started,
            Optional.empty(),
            Map.of(),
            List.of());
      }
    }
  }

  /** Micro-seconds: what the column keeps, so a Run made here equals the row read back. */
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Ends a run: its final status, why, and its report (masked by the caller; empty for none), in
   * the caller's transaction.
   */
  public void finish(
      Connection c, long id, RunStatus status, Optional<String> reason, Map<String, Object> report)
      throws SQLException {
    finish(c, id, status, reason, report, List.of());
  }

  /**
   * Ends a run with the steps it ran (in order), in the caller's transaction: the status and the
   * steps are one update.
   */
  public void finish(
      Connection c,
      long id,
      RunStatus status,
      Optional<String> reason,
      Map<String, Object> report,
      List<RunStep> steps)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE run SET status = ?, reason = ?, finished_at = ?, report = ?, steps = ?"
                + " WHERE id = ?")) {
      s.setString(1, status.wire());
      s.setString(2, reason.orElse(null));
      s.setTimestamp(3, Timestamp.from(Instant.now()));
      s.setString(4, report.isEmpty() ? null : write(report));
      s.setString(5, steps.isEmpty() ? null : RunStepsJson.write(json, steps));
      s.setLong(6, id);
      s.executeUpdate();
    }
  }

  public Optional<Run> get(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM run WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.empty();
      }
    }
  }

  /** The newest run of {@code line} that process {@code pid} is running now, if any. */
  public Optional<Run> processingOf(Connection c, String line, long pid) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM run WHERE line = ? AND status = ? AND owner_pid = ?"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
      s.setString(1, line);
      s.setString(2, RunStatus.PROCESSING.wire());
      s.setLong(3, pid);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.empty();
      }
    }
  }

  /**
   * The newest run of each job (by build number), of one line or of every line: one query, each run
   * found through the {@code (line, job, build_number)} key.
   */
  public List<Run> latestPerJob(Connection c, Optional<String> line) throws SQLException {
    String sql =
        "SELECT "
            + Columns.prefixed(COLUMNS, "r")
            + " FROM run r JOIN (SELECT line, job, MAX(build_number) AS build_number FROM run"
            + (line.isPresent() ? " WHERE line = ?" : "")
            + " GROUP BY line, job) newest ON r.line = newest.line AND r.job = newest.job"
            + " AND r.build_number = newest.build_number ORDER BY r.id";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (line.isPresent()) {
        s.setString(1, line.get());
      }
      List<Run> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(read(r));
        }
      }
      return out;
    }
  }

  /** Every run that ended {@code status}, oldest first. */
  public List<Run> withStatus(Connection c, RunStatus status) throws SQLException {
    List<Run> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + COLUMNS + " FROM run WHERE status = ? ORDER BY id")) {
      s.setString(1, status.wire());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(read(r));
        }
      }
    }
    return out;
  }

  /** Runs, newest first, optionally of one line and job; at most {@code limit}. */
  public List<Run> list(Connection c, Optional<String> line, Optional<String> job, int limit)
      throws SQLException {
    return list(c, line, job, Optional.empty(), limit);
  }

  /** Runs, newest first, optionally of one line, job and status; at most {@code limit}. */
  public List<Run> list(
      Connection c,
      Optional<String> line,
      Optional<String> job,
      Optional<RunStatus> status,
      int limit)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM run WHERE 1 = 1");
    List<String> args = new ArrayList<>();
    line.ifPresent(
        l -> {
          sql.append(" AND line = ?");
          args.add(l);
        });
    job.ifPresent(
        j -> {
          sql.append(" AND job = ?");
          args.add(j);
        });
    status.ifPresent(
        st -> {
          sql.append(" AND status = ?");
          args.add(st.wire());
        });
    sql.append(" ORDER BY id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        s.setString(i + 1, args.get(i));
      }
      List<Run> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(read(r));
        }
      }
      return out;
    }
  }

  /**
   * Runs still marked processing whose owning process is gone (a crash, {@code kill -9}, a power
   * cut) become {@code interrupted}; a run owned by a live process (another CLI, a daemon) is left
   * alone. Returns how many were marked.
   */
  int markInterrupted(Connection c) throws SQLException {
    List<Long> dead = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT id, owner_pid, owner_started FROM run WHERE status = ?")) {
      s.setString(1, RunStatus.PROCESSING.wire());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long pid = r.getLong(2);
          long started = r.getLong(3);
          boolean alive = ProcessHandle.of(pid).map(p -> startMillis(p) == started).orElse(false);
          if (!alive) {
            dead.add(r.getLong(1));
          }
        }
      }
    }
    for (long id : dead) {
      finish(
          c,
          id,
          RunStatus.INTERRUPTED,
          Optional.of("the shiprun process running it ended before the run finished"),
          Map.of());
    }
    return dead.size();
  }

  /** A process's start time identifies it together with its pid (pids are reused). */
  private static long startMillis(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
  }

  private Run read(ResultSet r) throws SQLException {
    return new Run(
        r.getLong(1),
        r.getString(2),
        r.getString(3),
        r.getInt(4),
        RunStatus.fromWire(r.getString(5)),
        r.getString(6),
        Optional.ofNullable(r.getString(7)),
        r.getTimestamp(8).toInstant(),
        Optional.ofNullable(r.getTimestamp(9)).map(Timestamp::toInstant),
        Optional.ofNullable(r.getTimestamp(10)).map(Timestamp::toInstant),
        readReport(r.getString(11)),
        r.getString(12) == null ? List.of() : RunStepsJson.read(json, r.getString(12)));
  }

  private String write(Map<String, Object> report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new StoreException("a run's report cannot be written as JSON", e);
    }
  }

  private Map<String, Object> readReport(String text) {
    if (text == null) {
      return Map.of();
    }
    try {
      return json.readValue(text, REPORT);
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored run's report is not valid JSON", e);
    }
  }
}
