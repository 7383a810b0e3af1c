package dev.shiprun.runner.daemon;

/** The problems the endpoints answer with, worded in one place. */
final class Problems {

  private Problems() {}

  static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of("not-found", "Not Found", 404, detail));
  }

  /** The body is JSON of the right shape, but its content cannot be used. */
  static ProblemException unprocessable(String detail) {
    return new ProblemException(Problem.of("invalid-body", "Unprocessable Content", 422, detail));
  }

  static ProblemException badRequest(String detail) {
    return new ProblemException(Problem.of("bad-body", "Bad Request", 400, detail));
  }

  /** A query parameter that cannot be used as sent. */
  static ProblemException badQuery(String detail) {
    return new ProblemException(Problem.of("bad-query", "Bad Request", 400, detail));
  }

  static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of("conflict", "Conflict", 409, detail));
  }

  /** The daemon has not opened its home yet (the token filter answers this first, normally). */
  static DaemonContext.Opened opened(DaemonContext daemon) {
    return daemon.opened().orElseThrow(() -> new ProblemException(Problem.starting()));
  }
}
