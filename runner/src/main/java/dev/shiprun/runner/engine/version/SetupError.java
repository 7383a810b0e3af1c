package dev.shiprun.runner.engine.version;

/**
 * The runner could not set a job up (spec §1.6: status {@code error}, not {@code failure}): an IN
 * without a version, a pin that matches none, a folder that cannot be written. The message is the
 * one-line reason shown to the user, with the fix.
 */
public final class SetupError extends Exception {

  SetupError(String message) {
    super(message, null, false, false);
  }
}
