package dev.shiprun.runner.daemon;

/**
 * The daemon cannot start or serve as asked. The message is one line for the user: what failed,
 * where, and what to do; it never carries the token.
 */
public final class DaemonException extends RuntimeException {

  public DaemonException(String message) {
    super(message);
  }
}
