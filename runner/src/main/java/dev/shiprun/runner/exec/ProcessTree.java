package dev.shiprun.runner.exec;

import java.util.Objects;
import java.util.Optional;

/**
 * What belongs to one run: every process carrying the token, the root script while it lives, the
 * root's process group when the root leads one, and every descendant of any of these.
 *
 * @param window where the run's processes are in the pid space, when that was recorded before the
 *     launch (the search then looks there only, as long as the window still holds them all)
 */
record ProcessTree(
    RunToken token,
    Optional<ProcessHandle> root,
    boolean rootLeadsGroup,
    Optional<PidWindow> window) {

  ProcessTree {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(window, "window");
  }

  static ProcessTree marked(RunToken token) {
    return new ProcessTree(token, Optional.empty(), false, Optional.empty());
  }
}
