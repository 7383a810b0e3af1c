package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;

/** One item of a job's {@code steps:}. */
public sealed interface Step permits InStep, OutStep, TaskStep, NotifyStep {

  SourceLocation at();
}
