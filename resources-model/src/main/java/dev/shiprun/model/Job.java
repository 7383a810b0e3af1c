package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** A job of an assembly line. */
public sealed interface Job permits RunShJob, RunCiJob, UnsupportedJob {

  JobHeader header();

  List<Step> steps();

  JobHooks hooks();

  default String name() {
    return header().name();
  }

  default String type() {
    return header().type();
  }

  /**
   * Whether shiprun runs this job: runSh jobs (runCLI ones included), and the runCI job of the
   * line's own repository (it carries the CI config it builds). Another repository's runCI job
   * waits for that repository's CI; managed types are not run.
   */
  default boolean runByShiprun() {
    return this instanceof RunShJob || this instanceof RunCiJob ci && ci.ci().isPresent();
  }

  default SourceLocation at() {
    return header().at();
  }

  default List<InStep> ins() {
    return only(InStep.class);
  }

  default List<OutStep> outs() {
    return only(OutStep.class);
  }

  default List<TaskStep> tasks() {
    return only(TaskStep.class);
  }

  /** The steps of one kind, in YAML order. */
  private <S extends Step> List<S> only(Class<S> kind) {
    List<S> matching = new ArrayList<>();
    for (Step step : steps()) {
      if (kind.isInstance(step)) {
        matching.add(kind.cast(step));
      }
    }
    return List.copyOf(matching);
  }
}
