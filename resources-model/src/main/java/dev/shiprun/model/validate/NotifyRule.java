package dev.shiprun.model.validate;

import dev.shiprun.model.HookSection;
import dev.shiprun.model.Job;
import dev.shiprun.model.NotifyStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.Step;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import java.util.Optional;

/** NOTIFY names a notification resource (unknown names are the ReferenceRule's). */
final class NotifyRule implements ValidationRule {

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    for (Job job : line.jobs()) {
      // Steps, then hooks; by loops, not a list and a stream per job.
      for (Step step : job.steps()) {
        if (step instanceof NotifyStep n) {
          check(line, job, n, out);
        }
      }
      for (HookSection hook : job.hooks().sections()) {
        for (NotifyStep n : hook.notifications()) {
          check(line, job, n, out);
        }
      }
    }
  }

  private static void check(AssemblyLine line, Job job, NotifyStep n, Diagnostics out) {
    Optional<Resource> target = line.resource(n.target().name());
    if (target.isPresent() && !target.get().isNotificationTarget()) {
      out.error(
          DiagnosticCode.AL117,
          n.target().at(),
          "NOTIFY '"
              + n.target().name()
              + "' of job '"
              + job.name()
              + "' is a "
              + target.get().type()
              + " resource; NOTIFY needs a notification resource",
          "name a resource of type notification");
    }
  }
}
