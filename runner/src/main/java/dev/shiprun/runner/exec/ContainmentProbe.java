package dev.shiprun.runner.exec;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the containment this process can give its scripts, by trying it: a cgroup v2 made under
 * shiprun's own cgroup, else one in the cgroup v1 freezer hierarchy, each taken only when a process
 * really moved into a cgroup made there; else the run token alone. Called once per launcher: a
 * directory made and removed and one short process, at the first launch.
 */
public final class ContainmentProbe {

  /** The name of the cgroup made and removed to try a hierarchy. */
  static final String PROBE_PREFIX = "shiprun-probe-";

  /** Moves the shell into the cgroup whose member list is {@code $0}; fails if it cannot. */
  private static final String MOVE = "echo 0 > \"$0\"";

  private final Path proc;
  private final ExecOptions options;

  public ContainmentProbe(ExecOptions options) {
    this(Path.of("/proc"), options);
  }

  ContainmentProbe(Path proc, ExecOptions options) {
    this.proc = proc;
    this.options = options;
  }

  /** What is in force for scripts started by this process. */
  public Containment detect() {
    if (options.containment().equals(ExecOptions.TOKEN)) {
      return new Containment.TokenSweep(ExecOptions.CONTAINMENT_VARIABLE + "=token");
    }
    List<String> refused = new ArrayList<>();
    List<String> membership = lines(proc.resolve("self/cgroup"));
    List<Mount> mounts = mounts();
    for (Hierarchy hierarchy : Hierarchy.values()) {
      Optional<Path> own = hierarchy.own(membership, mounts);
      if (own.isEmpty()) {
        refused.add(hierarchy.label + ": not mounted");
        continue;
      }
      Optional<String> problem = tryOut(own.get());
      if (problem.isEmpty()) {
        boolean killFile =
            hierarchy == Hierarchy.V2 && Files.exists(own.get().resolve("cgroup.kill"));
        return new Containment.Cgroups(own.get(), hierarchy.label, killFile);
      }
      refused.add(hierarchy.label + " at " + own.get() + ": " + problem.get());
    }
    return new Containment.TokenSweep("no cgroup to use: " + String.join("; ", refused));
  }

  /** Empty when a cgroup made under {@code parent} took a process; else what went wrong. */
  private Optional<String> tryOut(Path parent) {
    Path probe =
        parent.resolve(PROBE_PREFIX + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try {
      Files.createDirectory(probe);
    } catch (AccessDeniedException e) {
      return Optional.of("cannot make a cgroup there: permission denied");
    } catch (IOException e) {
      return Optional.of("cannot make a cgroup there: " + reason(e));
    }
    try {
      Process mover =
          new ProcessBuilder(
                  options.sh().toString(), "-c", MOVE, probe.resolve(JobCgroup.PROCS).toString())
              .redirectInput(Redirect.from(new File("/dev/null")))
              .redirectOutput(Redirect.DISCARD)
              .redirectError(Redirect.DISCARD)
              .start();
      if (!mover.waitFor(10, TimeUnit.SECONDS)) {
        mover.destroyForcibly();
        return Optional.of("a process took more than 10 s to move into a cgroup made there");
      }
      return mover.exitValue() == 0
          ? Optional.empty()
          : Optional.of("cannot move a process into a cgroup made there");
    } catch (IOException e) {
      return Optional.of("cannot start " + options.sh() + ": " + reason(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while trying it");
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException e) {
        // An empty cgroup; it holds nothing and goes with the next reboot.
      }
    }
  }

  /** The hierarchies tried, in order. */
  private enum Hierarchy {
    V2("cgroup v2", "cgroup2", ""),
    V1_FREEZER("cgroup v1 (freezer)", "cgroup", "freezer");

    private final String label;
    private final String fileSystem;
    private final String controller;

    Hierarchy(String label, String fileSystem, String controller) {
      this.label = label;
      this.fileSystem = fileSystem;
      this.controller = controller;
    }

    /**
     * This process's cgroup in the hierarchy, as a directory: the path /proc/self/cgroup gives,
     * under the mount point of the hierarchy's mount (less the part of the path the mount hides).
     */
    Optional<Path> own(List<String> membership, List<Mount> mounts) {
      Optional<String> path = Optional.empty();
      for (String line : membership) {
        String[] fields = line.split(":", 3);
        if (fields.length == 3 && matches(fields[0], fields[1])) {
          path = Optional.of(fields[2]);
          break;
        }
      }
      if (path.isEmpty()) {
        return Optional.empty();
      }
      for (Mount mount : mounts) {
        if (mount.fileSystem().equals(fileSystem)
            && (controller.isEmpty() || mount.options().contains(controller))) {
          String root = mount.root().equals("/") ? "" : mount.root();
          if (path.get().equals(root) || path.get().startsWith(root + "/")) {
            String relative = path.get().substring(root.length()).replaceFirst("^/+", "");
            return Optional.of(mount.point().resolve(relative));
          }
        }
      }
      return Optional.empty();
    }

    private boolean matches(String id, String controllers) {
      return controller.isEmpty()
          ? id.equals("0") && controllers.isEmpty()
          : List.of(controllers.split(",")).contains(controller);
    }
  }

  /** A line of /proc/self/mountinfo, the fields that matter here. */
  private record Mount(String root, Path point, String fileSystem, List<String> options) {}

  private List<Mount> mounts() {
    List<Mount> mounts = new ArrayList<>();
    for (String line : lines(proc.resolve("self/mountinfo"))) {
      int dash = line.indexOf(" - ");
      if (dash < 0) {
        continue;
      }
      String[] before = line.substring(0, dash).split(" ");
      String[] after = line.substring(dash + 3).split(" ");
      if (before.length < 5 || after.length < 3) {
        continue;
      }
      mounts.add(
          new Mount(
              unescape(before[3]),
              Path.of(unescape(before[4])),
              after[0],
              List.of(after[2].split(","))));
    }
    return mounts;
  }

  /** mountinfo writes space, tab, newline and backslash as {@code \ooo}. */
  private static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\'
          && i + 3 < field.length()
          && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static List<String> lines(Path file) {
    try {
      return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String reason(IOException e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.strip();
  }
}
