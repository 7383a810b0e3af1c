package dev.shiprun.runner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's file on a real H2 database: compacted when it closes only once it has outgrown its
 * live data, never while another process is connected to it, and its data intact either way.
 */
class StoreCompactionTest {

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path home;

  @Test
  void aFileIsOutgrownWhenItsDeadSpaceExceedsTheSlackAndTheLiveData() {
    long slack = StoreCompaction.SLACK_BYTES;
    assertFalse(new StoreCompaction.FileUse(slack, 0).outgrown());
    assertTrue(new StoreCompaction.FileUse(slack + 1, 0).outgrown());
    assertFalse(new StoreCompaction.FileUse(2 * slack + 1000, 2 * slack).outgrown());
    assertFalse(new StoreCompaction.FileUse(6 * slack, 3 * slack).outgrown());
    assertTrue(new StoreCompaction.FileUse(6 * slack + 1, 3 * slack).outgrown());
  }

  @Test
  void theFileStaysBoundedOverManyRunsAndKeepsEveryRun() throws Exception {
    Path file = home.resolve("store/shiprun.mv.db");
    Map<String, Object> report = Map.of("log", "x".repeat(20_000));
    long largest = 0;
    int shrunk = 0;
    long previous = 0;
    for (int i = 1; i <= 60; i++) {
      try (Store store = Store.open(home, json)) {
        Run run = store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
        store.transaction(
            c -> {
              store.runs().finish(c, run.id(), RunStatus.SUCCESS, Optional.empty(), report);
              return null;
            });
      }
      long size = Files.size(file);
      largest = Math.max(largest, size);
      shrunk += size < previous ? 1 : 0;
      previous = size;
    }
    // Sixty runs without compaction leave several MiB; with it the file stays within its live data
    // (about 100 KiB here) twice over plus the slack between two compactions.
    assertTrue(shrunk > 0, "never compacted");
    assertTrue(largest < 3 * StoreCompaction.SLACK_BYTES, "the file grew to " + largest);
    try (Store store = Store.open(home, json)) {
      Run last = store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
      assertEquals(61, last.buildNumber());
      assertEquals(
          RunStatus.SUCCESS,
          store.transaction(c -> store.runs().get(c, last.id() - 1)).get().status());
    }
  }

  @Test
  void anOutgrownFileIsCompactedOnClose() throws Exception {
    Path file = home.resolve("store/shiprun.mv.db");
    try (Store store = Store.open(home, json)) {
      outgrow(store);
      assertTrue(Files.size(file) > 4 * StoreCompaction.SLACK_BYTES);
    }
    assertTrue(Files.size(file) < StoreCompaction.SLACK_BYTES, "size " + Files.size(file));
    try (Store store = Store.open(home, json)) {
      assertEquals(1, store.transaction(StoreCompactionTest::scratchRows));
    }
  }

  @Test
  void aFileAnotherProcessIsConnectedToIsNotCompactedUntilItsLastUserCloses() throws Exception {
    Path file = home.resolve("store/shiprun.mv.db");
    Store store = Store.open(home, json);
    outgrow(store);
    Process other = connect(Store.url(home.resolve(Store.FOLDER)));
    try {
      long before = Files.size(file);
      store.close();
      assertTrue(Files.size(file) >= before, "compacted while another process was connected");
    } finally {
      store.close();
      other.getOutputStream().close(); // the other process disconnects and ends
      assertTrue(other.waitFor(60, TimeUnit.SECONDS));
    }
    assertEquals(0, other.exitValue());
    // The next process to close the store alone compacts it.
    try (Store reopened = Store.open(home, json)) {
      assertEquals(1, reopened.transaction(StoreCompactionTest::scratchRows));
    }
    assertTrue(Files.size(file) < StoreCompaction.SLACK_BYTES, "size " + Files.size(file));
  }

  @Test
  void aStoreOpenedWhileTheFileIsCompactedWaitsForTheCompactionAndThenOpens() throws Exception {
    try (Store holder = Store.open(home, json)) {
      holder.transaction(c -> holder.runs().start(c, "line", "build", "manual"));
      AtomicReference<Object> outcome = new AtomicReference<>();
      Thread opener;
      // What a compaction does to the database: exclusive mode, in which H2 refuses new sessions.
      try (Connection compacting =
              DriverManager.getConnection(Store.url(home.resolve(Store.FOLDER)), "sa", "");
          Statement s = compacting.createStatement()) {
        s.execute("SET EXCLUSIVE 1");
        opener =
            new Thread(
                () -> {
                  try (Store store = Store.open(home, json)) {
                    outcome.set(
                        store
                            .transaction(c -> store.runs().start(c, "line", "build", "manual"))
                            .buildNumber());
                  } catch (RuntimeException e) {
                    outcome.set(e);
                  }
                });
        opener.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!waitsToReconnect(opener) && outcome.get() == null) {
          assertTrue(System.nanoTime() < deadline, "the opener never tried to connect");
          Thread.onSpinWait();
        }
        assertEquals(null, outcome.get(), "opened or failed while the database was exclusive");
        s.execute("SET EXCLUSIVE 0");
      }
      opener.join(TimeUnit.SECONDS.toMillis(60));
      assertEquals(2, outcome.get());
    }
  }

  /** Whether {@code thread} pauses in {@link Store#transaction} before trying to connect again. */
  private static boolean waitsToReconnect(Thread thread) {
    StackTraceElement[] stack = thread.getStackTrace();
    boolean sleeping = stack.length > 0 && stack[0].getMethodName().startsWith("sleep");
    return sleeping
        && Arrays.stream(stack)
            .anyMatch(
                f ->
                    f.getClassName().equals(Store.class.getName())
                        && f.getMethodName().equals("transaction"));
  }

  @Test
  void aFileGrownByManySmallCommitsIsCompactedInOneClose() throws Exception {
    // What a daemon leaves: a chunk per commit, each with a few live pages.
    Path file = home.resolve("store/shiprun.mv.db");
    try (Store store = Store.open(home, json)) {
      for (int i = 0; i < 1500; i++) {
        Run run = store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
        store.transaction(
            c -> {
              store.runs().finish(c, run.id(), RunStatus.SUCCESS, Optional.empty(), Map.of());
              return null;
            });
      }
      assertTrue(Files.size(file) > 20 * StoreCompaction.SLACK_BYTES, "size " + Files.size(file));
    }
    assertTrue(Files.size(file) < 3 * StoreCompaction.SLACK_BYTES, "size " + Files.size(file));
    try (Store store = Store.open(home, json)) {
      Run next = store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
      assertEquals(1501, next.buildNumber());
    }
  }

  /** Leaves several MiB of dead pages and one live row in a scratch table. */
  private static void outgrow(Store store) {
    store.transaction(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE scratch(id INT PRIMARY KEY, b VARBINARY(1000000))");
          }
          return null;
        });
    for (int i = 0; i < 40; i++) {
      int id = i;
      store.transaction(
          c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO scratch VALUES (?, ?)")) {
              s.setInt(1, id);
              s.setBytes(2, new byte[200_000]);
              s.executeUpdate();
            }
            return null;
          });
    }
    store.transaction(
        c -> {
          try (Statement s = c.createStatement()) {
            return s.executeUpdate("DELETE FROM scratch WHERE id > 0");
          }
        });
  }

  private static int scratchRows(Connection c) throws java.sql.SQLException {
    try (Statement s = c.createStatement();
        var r = s.executeQuery("SELECT COUNT(*) FROM scratch")) {
      r.next();
      return r.getInt(1);
    }
  }

  /**
   * Starts another JVM connected to the store through this process (H2's AUTO_SERVER); it holds its
   * connection until its stdin closes. Returns once it is connected.
   */
  private static Process connect(String url) throws Exception {
    Process other =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StoreCompactionTest.class.getName(),
                url)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("connected", out.readLine());
    return other;
  }

  /** The other process: connects to {@code args[0]}, says so, and waits for its stdin to close. */
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute("SELECT 1");
      }
      System.out.println("connected");
      System.out.flush();
      while (System.in.read() >= 0) {
        // holds the connection until stdin closes
      }
    }
  }
}
