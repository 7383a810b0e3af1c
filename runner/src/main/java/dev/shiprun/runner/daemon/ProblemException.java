package dev.shiprun.runner.daemon;

/**
 * An endpoint's answer that is a problem: thrown where the endpoint or the run side finds it,
 * written by {@link ProblemMappers} with the status and body it carries. {@code body} is a {@link
 * Problem} or a problem record with members of its own ({@link InvalidLineProblem}, {@link
 * BodyProblem}). No stack trace: it is an answer, not a failure, and it is never logged. Its detail
 * is written for the user and never quotes a secret.
 */
public final class ProblemException extends RuntimeException {

  private final int status;
  private final transient Object body;

  public ProblemException(Problem problem) {
    this(problem.status(), problem);
  }

  public ProblemException(int status, Object body) {
    super(null, null, false, false);
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public Object body() {
    return body;
  }

  /** The plain problem this answer is (its status and detail); null for a richer body. */
  public Problem problem() {
    return body instanceof Problem p ? p : null;
  }
}
