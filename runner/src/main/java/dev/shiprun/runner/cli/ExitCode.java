package dev.shiprun.runner.cli;

/** The exit codes of every shiprun command (house style item 13). */
public enum ExitCode {
  /** The command did what was asked; a pipeline with only warnings is valid. */
  OK(0),
  /** A job failed, or the pipeline is invalid. */
  FAILED(1),
  /** The command line itself is wrong: unknown option, missing argument, bad value. */
  USAGE(2),
  /** shiprun itself broke: a bug or an environment problem it did not expect. */
  INTERNAL(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
