package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
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

  default SourceLocation at() {
    return header().at();
  }

  default List<InStep> ins() {
    return steps() instanceof Steps s ? s.ins() : Steps.only(steps(), InStep.class);
  }

  default List<OutStep> outs() {
    return steps() instanceof Steps s ? s.outs() : Steps.only(steps(), OutStep.class);
  }

  default List<TaskStep> tasks() {
    return steps() instanceof Steps s ? s.tasks() : Steps.only(steps(), TaskStep.class);
  }
}
