package dev.shiprun.model.validate;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;

/** An IN is pinned by versionName or by versionNumber, never both (spec §1.3.1). */
final class PinRule implements ValidationRule {

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    for (Job job : line.jobs()) {
      for (InStep in : job.ins()) {
        if (in.versionName().isPresent() && in.versionNumber().isPresent()) {
          out.error(
              DiagnosticCode.AL112,
              in.options().entry("versionNumber").get().key().at(),
              "IN '"
                  + in.name()
                  + "' of job '"
                  + job.name()
                  + "' is pinned by both versionName "
                  + "and versionNumber; they are mutually exclusive",
              "keep one: versionName pins by name (a tag, a commit), versionNumber by number");
        }
      }
    }
  }
}
