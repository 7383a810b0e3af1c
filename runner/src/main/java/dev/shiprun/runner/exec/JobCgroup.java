package dev.shiprun.runner.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The cgroup of one script (see {@link Containment.Cgroups}): made before the script starts, the
 * script moves itself in before it runs ({@link #ENTER}), and everything it starts is born inside.
 * Its member list is then the script's processes; removed once they are gone.
 */
final class JobCgroup {

  /** The member list of a cgroup (v1 and v2). */
  static final String PROCS = "cgroup.procs";

  /** Writing {@code 1} kills every member (cgroup v2, Linux 5.14 and later). */
  private static final String KILL = "cgroup.kill";

  /**
   * What the script's process runs first ({@code sh -c ENTER <cgroup.procs> bash script}): it moves
   * itself into the cgroup, then becomes bash, keeping its pid, session and environment. Should the
   * cgroup be gone by then, the script still runs, says so on stderr, and the run token finds what
   * it starts.
   */
  static final String ENTER =
      "echo 0 2>/dev/null > \"$0\" || echo \"shiprun: the script runs outside its cgroup (cannot"
          + " write $0): only the run token finds what it starts\" >&2; exec \"$@\"";

  private final Path dir;
  private final boolean killFile;

  private JobCgroup(Path dir, boolean killFile) {
    this.dir = dir;
    this.killFile = killFile;
  }

  /** Makes the cgroup {@code name} under the containment's parent. */
  static JobCgroup create(Containment.Cgroups containment, String name) throws IOException {
    return new JobCgroup(
        Files.createDirectory(containment.parent().resolve(name)), containment.killFile());
  }

  /** The cgroups under {@code parent} whose names start with {@code prefix} (made by a crash). */
  static List<JobCgroup> existing(Containment.Cgroups containment, String prefix) {
    List<JobCgroup> found = new ArrayList<>();
    try (DirectoryStream<Path> dirs =
        Files.newDirectoryStream(containment.parent(), prefix + "*")) {
      for (Path dir : dirs) {
        if (Files.isDirectory(dir)) {
          found.add(new JobCgroup(dir, containment.killFile()));
        }
      }
    } catch (IOException e) {
      // None to be found: the parent is gone or unreadable.
    }
    return found;
  }

  Path procs() {
    return dir.resolve(PROCS);
  }

  /** Its members now (zombies are not members); none once it is gone. */
  List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    String text;
    try {
      text = new String(Files.readAllBytes(procs()), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return pids;
    }
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        pids.add(Long.parseLong(line.strip()));
      }
    }
    return pids;
  }

  /** Kills every member at once where the kernel can; the caller signals each one anyway. */
  void killAll() {
    if (!killFile) {
      return;
    }
    try (OutputStream out = Files.newOutputStream(dir.resolve(KILL), StandardOpenOption.WRITE)) {
      out.write('1');
    } catch (IOException e) {
      // Gone already, or refused: the members still get KILL one by one.
    }
  }

  /** Removes it; false when it cannot go (a member is left, or it is gone already). */
  boolean remove() {
    try {
      Files.delete(dir);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return dir.toString();
  }
}
