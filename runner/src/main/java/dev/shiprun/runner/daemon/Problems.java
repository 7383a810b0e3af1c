package dev.shiprun.runner.daemon;

/** The problems the endpoints answer with, worded in one place. */
public final class Problems {

  private Problems() {}

  public static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of("not-found", "Not Found", 404, detail));
  }

  /** The body is JSON of the right shape, but its content cannot be used. */
  public static ProblemException unprocessable(String detail) {
    return new ProblemException(Problem.of("invalid-body", "Unprocessable Content", 422, detail));
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(Problem.of("bad-body", "Bad Request", 400, detail));
  }

  /** A query parameter that cannot be used as sent. */
  public static ProblemException badQuery(String detail) {
    return new ProblemException(Problem.of("bad-query", "Bad Request", 400, detail));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of("conflict", "Conflict", 409, detail));
  }
}
