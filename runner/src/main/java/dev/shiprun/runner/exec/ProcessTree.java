package dev.shiprun.runner.exec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What belongs to one run: every process carrying the token, the root script while it lives, the
 * root's process group when the root leads one, every member of its cgroups, and every descendant
 * of any of these.
 *
 * @param window where the run's processes are in the pid space, when that was recorded before the
 *     launch (the search then looks there only, as long as the window still holds them all)
 * @param tokenPrefix whether a process's token need only start with {@code token} (every launch of
 *     one run, after a crash)
 * @param cgroups the cgroups the run's scripts ran in (none without {@link Containment.Cgroups})
 */
record ProcessTree(
    RunToken token,
    Optional<ProcessHandle> root,
    boolean rootLeadsGroup,
    Optional<PidWindow> window,
    boolean tokenPrefix,
    List<JobCgroup> cgroups) {

  ProcessTree {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(window, "window");
    cgroups = List.copyOf(cgroups);
  }

  static ProcessTree marked(RunToken token) {
    return new ProcessTree(token, Optional.empty(), false, Optional.empty(), false, List.of());
  }

  /**
   * Every process whose token starts with {@code prefix}, and every member of {@code cgroups}: all
   * launches of one run.
   */
  static ProcessTree markedWithPrefix(RunToken prefix, List<JobCgroup> cgroups) {
    return new ProcessTree(prefix, Optional.empty(), false, Optional.empty(), true, cgroups);
  }
}
