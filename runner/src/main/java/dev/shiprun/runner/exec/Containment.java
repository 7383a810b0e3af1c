package dev.shiprun.runner.exec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the processes of a script are kept together, so that nothing it starts outlives it: found at
 * the first launch by {@link ContainmentProbe} and kept for the life of the {@link
 * ProcessLauncher}.
 */
public sealed interface Containment {

  /** One line for a job log and {@code shiprun doctor}: what is in force and why. */
  String describe();

  /** Whether a process that clears its environment and leaves the session is still found. */
  boolean holdsEscapees();

  /**
   * Each script runs in a cgroup of its own, made under {@code parent} (shiprun's own cgroup) and
   * removed when the script and all it started are gone. A process cannot leave a cgroup without
   * the rights to write another one, so the cgroup's member list is the script's processes, however
   * they fork, whatever their session or environment.
   *
   * @param parent where the scripts' cgroups are made
   * @param hierarchy {@code cgroup v2}, or {@code cgroup v1 (freezer)}
   * @param killFile whether the cgroup has {@code cgroup.kill} (v2, Linux 5.14 and later), which
   *     kills all its members at once
   */
  record Cgroups(Path parent, String hierarchy, boolean killFile) implements Containment {
    public Cgroups {
      Objects.requireNonNull(parent, "parent");
      Objects.requireNonNull(hierarchy, "hierarchy");
    }

    @Override
    public String describe() {
      return "containment: "
          + hierarchy
          + ", a cgroup per script under "
          + parent
          + ": nothing a script starts outlives it";
    }

    @Override
    public boolean holdsEscapees() {
      return true;
    }
  }

  /**
   * No cgroup can be used here: the script's processes are found by the run token in their
   * environment, their process group and the process tree ({@link ProcessTreeKiller}).
   *
   * @param why one line: the setting that asked for it, or why each cgroup hierarchy was refused
   */
  record TokenSweep(String why) implements Containment {
    public TokenSweep {
      Objects.requireNonNull(why, "why");
    }

    @Override
    public String describe() {
      return "containment: run token only ("
          + why
          + "): a process that clears its environment and leaves the job's session can outlive"
          + " the job";
    }

    @Override
    public boolean holdsEscapees() {
      return false;
    }
  }
}
