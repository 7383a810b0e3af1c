package dev.shiprun.model.validate;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import java.util.HashMap;
import java.util.Map;

/**
 * A resource may not be both IN and OUT of one job, except a state resource (spec §1.3.2); and a
 * job lists each input once.
 */
final class InAndOutRule implements ValidationRule {

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    for (Job job : line.jobs()) {
      Map<String, InStep> ins = new HashMap<>();
      for (InStep in : job.ins()) {
        InStep earlier = ins.putIfAbsent(in.name(), in);
        if (earlier != null) {
          out.warning(
              DiagnosticCode.AL109,
              in.target().at(),
              "job '" + job.name() + "' reads '" + in.name() + "' twice",
              "first listed at " + earlier.target().at() + "; remove one IN");
        }
      }
      for (OutStep o : job.outs()) {
        InStep in = ins.get(o.name());
        // Another repository's resource may be a state resource: its type is not known here.
        boolean state =
            line.resource(o.name()).map(Resource::isState).orElse(false)
                || line.external().contains(o.name());
        if (in != null && !state) {
          out.error(
              DiagnosticCode.AL108,
              o.target().at(),
              "job '"
                  + job.name()
                  + "' has '"
                  + o.name()
                  + "' as both IN and OUT; only state "
                  + "resources may be both, anything else would trigger the job in a loop",
              "read it at "
                  + in.target().at()
                  + "; write to a different resource, or make it a "
                  + "state resource");
        }
      }
    }
  }
}
