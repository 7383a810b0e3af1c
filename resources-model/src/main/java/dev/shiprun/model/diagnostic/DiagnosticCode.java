package dev.shiprun.model.diagnostic;

/**
 * Every kind of problem shiprun reports, with a stable code users can search for. AL0xx: the YAML
 * itself; AL1xx: pipeline shape and meaning; AL2xx: integrations.
 */
public enum DiagnosticCode {
  AL001("yaml syntax error"),
  AL002("duplicate key"),
  AL003("empty file"),
  AL004("file is not UTF-8"),
  AL005("document too large"),
  AL006("document expands too much through aliases"),
  AL007("file cannot be read"),
  AL008("wrong shape"),
  AL009("nothing to load"),
  AL010("unknown key"),
  AL011("invalid value"),
  AL012("files skipped"),
  AL101("missing name"),
  AL102("missing type"),
  AL103("unknown resource type"),
  AL104("unknown job type"),
  AL105("unsupported job type"),
  AL106("task without script"),
  AL107("unknown resource or job"),
  AL108("resource is both IN and OUT"),
  AL109("duplicate name"),
  AL110("cycle in the job graph"),
  AL111("integration required"),
  AL112("conflicting pins"),
  AL113("environment names collide"),
  AL114("name maps to an empty environment name"),
  AL115("name loses leading digits"),
  AL116("runCI job with TASK"),
  AL117("NOTIFY needs a notification resource"),
  AL118("replicate needs an IN of the same type"),
  AL119("job has no TASK"),
  AL120("unknown integration"),
  AL121("unknown step"),
  AL122("integration type does not fit the resource"),
  AL123("step inside a TASK"),
  AL124("name from another repository"),
  AL125("container option shiprun sets itself"),
  AL126("CI of two repositories in one line"),
  AL201("unknown integration type"),
  AL202("missing integration field"),
  AL203("invalid registry URL"),
  AL204("environment variable not set"),
  AL205("duplicate integration name"),
  AL206("encrypted value cannot be read");

  private final String title;

  DiagnosticCode(String title) {
    this.title = title;
  }

  /** A few words naming the problem, for listings and documentation. */
  public String title() {
    return title;
  }
}
