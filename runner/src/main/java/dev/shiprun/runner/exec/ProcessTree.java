package dev.shiprun.runner.exec;

import java.util.Objects;
import java.util.Optional;

/**
 * What belongs to one run: every process carrying the token, the root script while it lives, the
 * root's process group when the root leads one, and every descendant of any of these.
 *
 * @param window where the run's processes are in the pid space, when that was recorded before the
 *     launch (the search then looks there only, as long as the window still holds them all)
 * @param tokenPrefix whether a process's token need only start with {@code token} (every launch of
 *     one run, after a crash)
 */
record ProcessTree(
    RunToken token,
    Optional<ProcessHandle> root,
    boolean rootLeadsGroup,
    Optional<PidWindow> window,
    boolean tokenPrefix) {

  ProcessTree {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(window, "window");
  }

  static ProcessTree marked(RunToken token) {
    return new ProcessTree(token, Optional.empty(), false, Optional.empty(), false);
  }

  /** Every process whose token starts with {@code prefix}: all launches of one run. */
  static ProcessTree markedWithPrefix(RunToken prefix) {
    return new ProcessTree(prefix, Optional.empty(), false, Optional.empty(), true);
  }
}
