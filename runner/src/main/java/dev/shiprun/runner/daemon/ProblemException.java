package dev.shiprun.runner.daemon;

/**
 * An endpoint's answer that is a problem: thrown where the endpoint finds it, written by {@link
 * ProblemMappers} with the status and body it carries. {@code body} is a {@link Problem} or a
 * problem record with members of its own ({@link InvalidLineProblem}, {@link BodyProblem}). No
 * stack trace: it is an answer, not a failure, and it is never logged.
 */
final class ProblemException extends RuntimeException {

  private final int status;
  private final transient Object body;

  ProblemException(Problem problem) {
    this(problem.status(), problem);
  }

  ProblemException(int status, Object body) {
    super(null, null, false, false);
    this.status = status;
    this.body = body;
  }

  int status() {
    return status;
  }

  Object body() {
    return body;
  }
}
