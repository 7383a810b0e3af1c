package dev.shiprun.runner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pid window of {@link ProcessTable} on a made-up /proc folder (the real one is used by {@link
 * ProcessTreeKillerTest}): which processes a search reads, and when it falls back to all of them.
 */
class ProcessTableTest {

  @TempDir Path proc;

  private final RunToken token = new RunToken("token-of-this-run");

  /** Made-up pids stay clear of this JVM's own, which every search skips. */
  private final long b = ProcessHandle.current().pid() < 10_000 ? 10_000 : 0;

  @Test
  void aWindowIsReadFromTheLastPidAndTheForkCount() throws IOException {
    kernel(b + 5000, 120_000, 32768);
    assertEquals(Optional.of(new PidWindow(b + 5000, 120_000)), new ProcessTable(proc).window());
  }

  @Test
  void noWindowWhenTheSystemDoesNotSay() {
    assertEquals(Optional.empty(), new ProcessTable(proc).window());
  }

  @Test
  void withinTheWindowOnlyNewerPidsAreRead() throws IOException {
    kernel(b + 5000, 120_000, 32768);
    PidWindow window = new ProcessTable(proc).window().orElseThrow();
    process(b + 4000, true); // carries the token but is older than the window: never read
    process(b + 5003, true);
    process(b + 5004, false);
    kernel(b + 5010, 120_010, 32768);

    ProcessTree tree =
        new ProcessTree(token, Optional.empty(), false, Optional.of(window), false, List.of());
    assertEquals(List.of(b + 5003), new ProcessTable(proc).pids(tree));
  }

  @Test
  void anOldProcessAboveTheLastPidNowIsNeverRead() throws IOException {
    kernel(b + 5000, 120_000, 32768);
    PidWindow window = new ProcessTable(proc).window().orElseThrow();
    process(b + 5002, true);
    process(b + 9000, true); // from before pids wrapped: higher than any pid handed out since
    kernel(b + 5010, 120_010, 32768);

    ProcessTree tree =
        new ProcessTree(token, Optional.empty(), false, Optional.of(window), false, List.of());
    assertEquals(List.of(b + 5002), new ProcessTable(proc).pids(tree));
  }

  @Test
  void aWideWindowIsListedNotReadPidByPid() throws IOException {
    kernel(b + 5000, 120_000, 32768);
    PidWindow window = new ProcessTable(proc).window().orElseThrow();
    process(b + 5002, true);
    process(b + 9000, true); // the listing finds it: every pid above the window may be new
    kernel(b + 8000, 123_000, 32768);

    ProcessTree tree =
        new ProcessTree(token, Optional.empty(), false, Optional.of(window), false, List.of());
    assertEquals(Set.of(b + 5002, b + 9000), Set.copyOf(new ProcessTable(proc).pids(tree)));
  }

  @Test
  void afterMoreForksThanPidsLeftEveryProcessIsRead() throws IOException {
    kernel(b + 20000, 120_000, 32768);
    PidWindow window = new ProcessTable(proc).window().orElseThrow();
    process(b + 400, true); // pids wrapped: a new process can have a low pid
    process(b + 20005, true);
    kernel(b + 500, 120_000 + 32768, 32768);

    ProcessTree tree =
        new ProcessTree(token, Optional.empty(), false, Optional.of(window), false, List.of());
    assertEquals(Set.of(b + 400, b + 20005), Set.copyOf(new ProcessTable(proc).pids(tree)));
  }

  @Test
  void membersOfTheScriptsCgroupAreFoundWhateverTheirEnvironmentAndPid(@TempDir Path hierarchy)
      throws IOException {
    kernel(b + 5000, 120_000, 32768);
    PidWindow window = new ProcessTable(proc).window().orElseThrow();
    process(b + 5002, false); // a member that cleared its environment
    process(b + 400, false); // a member below the window (pids wrapped since)
    process(b + 5003, false); // neither a member nor marked
    kernel(b + 5010, 120_010, 32768);
    JobCgroup cgroup =
        JobCgroup.create(new Containment.Cgroups(hierarchy, "cgroup v2", false), "shiprun-test");
    Files.writeString(cgroup.procs(), (b + 5002) + "\n" + (b + 400) + "\n");

    ProcessTree tree =
        new ProcessTree(
            token, Optional.empty(), false, Optional.of(window), false, List.of(cgroup));
    assertEquals(Set.of(b + 5002, b + 400), Set.copyOf(new ProcessTable(proc).pids(tree)));
  }

  @Test
  void theWindowArithmetic() {
    PidWindow window = new PidWindow(5000, 100);
    assertTrue(window.holdsEverythingSince(100, 32768));
    assertTrue(window.holdsEverythingSince(100 + 27_000, 32768));
    assertFalse(window.holdsEverythingSince(100 + 27_767, 32768), "could have wrapped");
    assertFalse(window.holdsEverythingSince(99, 32768), "a counter that went back is not trusted");
    assertFalse(new PidWindow(0, 100).holdsEverythingSince(100, 32768));
    assertFalse(new PidWindow(40000, 100).holdsEverythingSince(100, 32768), "pid_max lowered");
    assertTrue(window.mayHoldNew(5001));
    assertFalse(window.mayHoldNew(5000));
  }

  /**
   * On the real /proc the window finds what a listing of every process finds: the search without a
   * window is the oracle. The script leaves two processes carrying the token.
   */
  @Test
  void onTheRealProcTheWindowFindsWhatTheListingOfEveryProcessFinds() throws Exception {
    ProcessTable table = new ProcessTable(Path.of("/proc"));
    org.junit.jupiter.api.Assumptions.assumeTrue(table.window().isPresent(), "needs Linux's /proc");
    Optional<PidWindow> window = table.window();
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", "sleep 300 & sleep 301 & echo started; wait")
            .redirectErrorStream(true);
    builder.environment().put(RunToken.VARIABLE, token.value());
    Process script = builder.start();
    try {
      script.getInputStream().read(new byte[8]); // both sleeps are forked once it says so
      ProcessTree windowed =
          new ProcessTree(token, Optional.empty(), false, window, false, List.of());
      ProcessTree listed =
          new ProcessTree(token, Optional.empty(), false, Optional.empty(), false, List.of());
      Set<Long> found = Set.copyOf(table.pids(windowed));
      assertEquals(3, found.size(), "the script and its two sleeps: " + found);
      assertEquals(Set.copyOf(table.pids(listed)), found);
    } finally {
      script.descendants().forEach(ProcessHandle::destroyForcibly);
      script.destroyForcibly().waitFor();
    }
  }

  private void kernel(long lastPid, long forks, long pidMax) throws IOException {
    Files.createDirectories(proc.resolve("sys/kernel"));
    Files.writeString(proc.resolve("sys/kernel/ns_last_pid"), lastPid + "\n");
    Files.writeString(proc.resolve("sys/kernel/pid_max"), pidMax + "\n");
    Files.writeString(
        proc.resolve("stat"),
        "cpu  1 2 3 4\nintr 5\nctxt 6\nbtime 7\nprocesses " + forks + "\nprocs_running 1\n");
  }

  private void process(long pid, boolean carriesToken) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
    Files.writeString(dir.resolve("stat"), pid + " (bash) S 1 " + pid + " " + pid + " 0 -1\n");
    String env = "PATH=/usr/bin\0" + (carriesToken ? "SHIPRUN_RUN_TOKEN=" + token.value() : "X=1");
    Files.write(dir.resolve("environ"), (env + "\0").getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("cmdline"), "bash\0");
  }
}
