package dev.shiprun.model.validate;

import dev.shiprun.model.Job;
import dev.shiprun.model.NotificationResource;
import dev.shiprun.model.NotifyStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** NOTIFY names a notification resource (unknown names are the ReferenceRule's). */
final class NotifyRule implements ValidationRule {

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    for (Job job : line.jobs()) {
      List<NotifyStep> all = new ArrayList<>();
      job.steps().stream()
          .filter(NotifyStep.class::isInstance)
          .map(NotifyStep.class::cast)
          .forEach(all::add);
      job.hooks().all().forEach(h -> all.addAll(h.notifications()));
      for (NotifyStep n : all) {
        Optional<Resource> target = line.resource(n.target().name());
        if (target.isPresent() && !(target.get() instanceof NotificationResource)) {
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
  }
}
