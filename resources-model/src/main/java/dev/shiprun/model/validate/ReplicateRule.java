package dev.shiprun.model.validate;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.Named;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import java.util.Optional;
import java.util.Set;

/**
 * {@code replicate: <IN>} copies an IN of the same job into the OUT: the source must be one of the
 * job's INs, of the same type (gitRepo, ciRepo and syncRepo replicate into each other).
 */
final class ReplicateRule implements ValidationRule {

  private static final Set<String> REPO_TYPES = Set.of("gitRepo", "ciRepo", "syncRepo");

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    for (Job job : line.jobs()) {
      for (OutStep o : job.outs()) {
        if (o.replicate().isEmpty()) {
          continue;
        }
        Named source = o.replicate().get();
        boolean isIn = job.ins().stream().map(InStep::name).anyMatch(source.name()::equals);
        if (!isIn) {
          out.error(
              DiagnosticCode.AL118,
              source.at(),
              "OUT '"
                  + o.name()
                  + "' of job '"
                  + job.name()
                  + "' replicates '"
                  + source.name()
                  + "', which is not an IN of the job",
              "add '- IN: " + source.name() + "' to the job's steps");
          continue;
        }
        Optional<Resource> from = line.resource(source.name());
        Optional<Resource> to = line.resource(o.name());
        if (from.isPresent() && to.isPresent() && !compatible(from.get(), to.get())) {
          out.error(
              DiagnosticCode.AL118,
              source.at(),
              "OUT '"
                  + o.name()
                  + "' ("
                  + to.get().type()
                  + ") of job '"
                  + job.name()
                  + "' replicates '"
                  + source.name()
                  + "' ("
                  + from.get().type()
                  + "); replicate needs resources of the same type",
              "replicate an IN of type " + to.get().type());
        }
      }
    }
  }

  private static boolean compatible(Resource from, Resource to) {
    return from.type().equals(to.type())
        || REPO_TYPES.contains(from.type()) && REPO_TYPES.contains(to.type());
  }
}
