package dev.shiprun.runner.exec;

import java.util.Objects;
import java.util.Optional;

/**
 * What belongs to one run: every process carrying the token, the root script while it lives, the
 * root's process group when the root leads one, and every descendant of any of these.
 */
record ProcessTree(RunToken token, Optional<ProcessHandle> root, boolean rootLeadsGroup) {

  ProcessTree {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(root, "root");
  }

  static ProcessTree marked(RunToken token) {
    return new ProcessTree(token, Optional.empty(), false);
  }
}
