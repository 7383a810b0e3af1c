package dev.shiprun.runner.daemon;

/**
 * A request the daemon refuses, as the problem the client gets back (mapped in {@link
 * ProblemMappers}). Its detail is written for the user; it never quotes a secret.
 */
public final class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of("not-found", "Not Found", 404, detail));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of("conflict", "Conflict", 409, detail));
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(Problem.of("bad-request", "Bad Request", 400, detail));
  }

  public static ProblemException unprocessable(String detail) {
    return new ProblemException(Problem.of("unprocessable", "Unprocessable Content", 422, detail));
  }

  public Problem problem() {
    return problem;
  }
}
