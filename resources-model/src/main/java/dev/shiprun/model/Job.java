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
    return steps().stream().filter(InStep.class::isInstance).map(InStep.class::cast).toList();
  }

  default List<OutStep> outs() {
    return steps().stream().filter(OutStep.class::isInstance).map(OutStep.class::cast).toList();
  }

  default List<TaskStep> tasks() {
    return steps().stream().filter(TaskStep.class::isInstance).map(TaskStep.class::cast).toList();
  }
}
