package dev.shiprun.runner.ci.report;

/** A report file that is skipped: its message says why, in words for the user. */
final class UnreadableReport extends Exception {

  private static final long serialVersionUID = 1L;

  UnreadableReport(String reason) {
    super(reason, null, false, false);
  }
}
