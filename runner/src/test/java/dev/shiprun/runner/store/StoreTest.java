package dev.shiprun.runner.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store on a real H2 file database in a temporary home. */
class StoreTest {

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path home;

  @Test
  void buildNumbersCountPerJobAndSurviveReopening() {
    try (Store store = Store.open(home, json)) {
      assertEquals(
          1,
          store.transaction(c -> store.runs().start(c, "line", "build", "manual")).buildNumber());
      assertEquals(
          2,
          store.transaction(c -> store.runs().start(c, "line", "build", "manual")).buildNumber());
      assertEquals(
          1,
          store.transaction(c -> store.runs().start(c, "line", "deploy", "build")).buildNumber());
    }
    try (Store store = Store.open(home, json)) {
      Run third = store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
      assertEquals(3, third.buildNumber());
      assertEquals(RunStatus.PROCESSING, third.status());
    }
  }

  @Test
  void aRunStartedWhileAnotherTakesTheSameNumberGetsTheNext() throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (Store store = Store.open(home, json)) {
      Future<Run> second = null;
      Run first = null;
      try {
        Future<Run>[] started = new Future[1];
        first =
            store.transaction(
                c -> {
                  Run mine = store.runs().start(c, "line", "build", "one");
                  // Another connection reads the same MAX before this commits, and its insert
                  // waits for this one's commit on the unique build number.
                  started[0] =
                      other.submit(
                          () ->
                              store.transaction(
                                  c2 -> store.runs().start(c2, "line", "build", "two")));
                  awaitBlocked(c);
                  return mine;
                });
        second = started[0];
        assertEquals(1, first.buildNumber());
        assertEquals(2, second.get(30, TimeUnit.SECONDS).buildNumber());
      } finally {
        other.shutdownNow();
      }
    }
  }

  /** Until another session of the store is inside its insert of a run (waiting for this one). */
  private static void awaitBlocked(java.sql.Connection c) throws java.sql.SQLException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                      + " WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO run %'"
                      + " AND SESSION_ID <> SESSION_ID()");
          java.sql.ResultSet r = s.executeQuery()) {
        r.next();
        if (r.getInt(1) > 0) {
          return;
        }
      }
      assertTrue(System.nanoTime() < deadline, "the other insert never waited");
      Thread.onSpinWait();
    }
  }

  @Test
  void versionsAreNumberedPerNameAndListedNewestFirst() {
    try (Store store = Store.open(home, json)) {
      post(store, "img", Optional.of("1.0"), Map.of("sourceName", "org/app"));
      post(store, "img", Optional.of("1.1"), Map.of("sourceName", "org/app", "note", "a=b"));
      post(store, "other", Optional.empty(), Map.of());
      List<StoredVersion> all = store.transaction(c -> store.versions().list(c, "line", "img"));
      assertEquals(List.of(2, 1), all.stream().map(StoredVersion::number).toList());
      assertEquals(Optional.of("1.1"), all.get(0).versionName());
      assertEquals("a=b", all.get(0).propertyBag().get("note"));
      assertEquals(
          1,
          store
              .transaction(c -> store.versions().byName(c, "line", "img", "1.0"))
              .orElseThrow()
              .number());
      assertEquals(List.of("line"), store.transaction(c -> store.versions().linesWith(c, "other")));
    }
  }

  @Test
  void theSchemaVersionNamesTheNewestMigration() throws Exception {
    Path migrations = Path.of("src/main/resources/db/migration");
    int newest;
    try (var files = Files.list(migrations)) {
      newest =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.*\\.sql"))
              .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
              .max()
              .orElseThrow();
    }
    assertEquals(Integer.toString(newest), Store.SCHEMA_VERSION);
    try (var files = Files.list(migrations)) {
      assertEquals(
          files
              .map(f -> f.getFileName().toString())
              .sorted(
                  java.util.Comparator.comparingInt(
                      (String n) -> Integer.parseInt(n.substring(1, n.indexOf("__")))))
              .toList(),
          StoreMigrations.FILES,
          "StoreMigrations lists every file of db/migration, oldest first");
    }
    // A current store opens without Flyway, and still works.
    try (Store store = Store.open(home, json)) {
      post(store, "img", Optional.of("1.0"), Map.of());
    }
    try (Store store = Store.open(home, json)) {
      assertEquals(1, store.transaction(c -> store.versions().list(c, "line", "img")).size());
    }
  }

  @Test
  void resourceIdsAreStablePerLineAndName() {
    long app;
    try (Store store = Store.open(home, json)) {
      app = id(store, "line", "app");
      assertEquals(app, id(store, "line", "app"));
      assertFalse(app == id(store, "line", "db"));
      assertFalse(app == id(store, "other", "app"));
    }
    try (Store store = Store.open(home, json)) {
      assertEquals(app, id(store, "line", "app"));
    }
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() {
    try (Store store = Store.open(home, json)) {
      assertThrows(
          IllegalStateException.class,
          () ->
              store.transaction(
                  c -> {
                    store.versions().post(c, version("img", Optional.of("1.0"), Map.of()));
                    throw new IllegalStateException("the run broke halfway");
                  }));
      assertTrue(store.transaction(c -> store.versions().latest(c, "line", "img")).isEmpty());
    }
  }

  @Test
  void runsOfAProcessThatIsGoneAreMarkedInterruptedOnTheNextOpen() throws Exception {
    long finishedPid;
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    finishedPid = gone.pid();
    long id;
    try (Store store = Store.open(home, json)) {
      Run mine = store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
      Run theirs = store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
      id = theirs.id();
      store.transaction(
          c -> {
            try (PreparedStatement s =
                c.prepareStatement("UPDATE run SET owner_pid = ? WHERE id = ?")) {
              s.setLong(1, finishedPid);
              s.setLong(2, theirs.id());
              return s.executeUpdate();
            }
          });
      assertEquals(RunStatus.PROCESSING, mine.status());
    }
    try (Store store = Store.open(home, json)) {
      Run interrupted = store.transaction(c -> store.runs().get(c, id)).orElseThrow();
      assertEquals(RunStatus.INTERRUPTED, interrupted.status());
      assertTrue(interrupted.reason().orElseThrow().contains("ended before the run finished"));
      assertTrue(interrupted.finishedAt().isPresent());
      // The run owned by this (live) process is left alone.
      Run live = store.transaction(c -> store.runs().get(c, id - 1)).orElseThrow();
      assertEquals(RunStatus.PROCESSING, live.status());
    }
  }

  @Test
  void stateFilesRoundTripWithTheirModesAndAStableSha() throws Exception {
    Path state = Files.createDirectories(home.resolve("state"));
    Files.writeString(state.resolve("a.env"), "versionName=1.2\n");
    Path bin = Files.createDirectories(state.resolve("bin"));
    Path tool = Files.writeString(bin.resolve("tool.sh"), "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-x---"));
    Files.createDirectories(state.resolve("empty"));
    StateArchive.Packed packed = StateArchive.pack(state);
    assertEquals(packed.sha(), StateArchive.pack(state).sha());

    Path restored = home.resolve("restored");
    StateArchive.unpack(packed.bytes(), restored);
    assertEquals("versionName=1.2\n", Files.readString(restored.resolve("a.env")));
    assertEquals(
        "rwxr-x---",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(restored.resolve("bin/tool.sh"))));
    assertTrue(Files.isDirectory(restored.resolve("empty")));
    assertArrayEquals(packed.bytes(), StateArchive.pack(restored).bytes());

    Files.writeString(state.resolve("a.env"), "versionName=1.3\n");
    assertFalse(packed.sha().equals(StateArchive.pack(state).sha()));
  }

  @Test
  void savedFilesArePostedWithTheVersion() throws Exception {
    Path state = Files.createDirectories(home.resolve("state"));
    Files.writeString(state.resolve("counter"), "3");
    StateArchive.Packed packed = StateArchive.pack(state);
    try (Store store = Store.open(home, json)) {
      StoredVersion v =
          store.transaction(
              c ->
                  store
                      .versions()
                      .post(
                          c,
                          new NewVersion(
                              "line",
                              "build",
                              VersionKind.JOB,
                              Optional.empty(),
                              Map.of("sha", packed.sha()),
                              Optional.of(packed),
                              OptionalLong.empty())));
      assertEquals(Optional.of(packed.sha()), v.filesSha());
      assertArrayEquals(
          packed.bytes(), store.transaction(c -> store.versions().files(c, v.id())).orElseThrow());
    }
  }

  private static long id(Store store, String line, String name) {
    return store.transaction(c -> store.versions().resourceId(c, line, name));
  }

  private static NewVersion version(
      String name, Optional<String> versionName, Map<String, Object> bag) {
    return new NewVersion(
        "line",
        name,
        VersionKind.RESOURCE,
        versionName,
        bag,
        Optional.empty(),
        OptionalLong.empty());
  }

  private void post(
      Store store, String name, Optional<String> versionName, Map<String, Object> bag) {
    store.transaction(c -> store.versions().post(c, version(name, versionName, bag)));
  }
}
