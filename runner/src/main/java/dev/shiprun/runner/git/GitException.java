package dev.shiprun.runner.git;

import java.io.IOException;

/** A git command that failed, with what git said (credentials already removed). */
public final class GitException extends IOException {

  public GitException(String message) {
    super(message);
  }
}
