package dev.shiprun.model.validate;

import dev.shiprun.model.Job;
import dev.shiprun.model.ManagedJobType;
import dev.shiprun.model.UnsupportedJob;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import java.util.Optional;

/**
 * One diagnostic per job of a managed Shippable type (deploy, manifest, release, provision, …):
 * shiprun does not run it. An error, or a warning when the options allow managed jobs; either way
 * it names the type and what to write instead. Unknown types were reported while reading.
 */
final class ManagedJobRule implements ValidationRule {

  private final ValidationOptions options;

  ManagedJobRule(ValidationOptions options) {
    this.options = options;
  }

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    for (Job job : line.jobs()) {
      if (!(job instanceof UnsupportedJob unsupported)) {
        continue;
      }
      Optional<ManagedJobType> managed = unsupported.managed();
      if (managed.isEmpty()) {
        continue;
      }
      String type = managed.get().yaml();
      String instead = "instead, use " + managed.get().instead();
      if (options.allowManaged()) {
        out.warning(
            DiagnosticCode.AL105,
            job.at(),
            "job '"
                + job.name()
                + "' has type '"
                + type
                + "', a managed Shippable job type that shiprun does not run yet;"
                + " with --allow-managed, plan and run leave it out",
            instead);
      } else {
        out.error(
            DiagnosticCode.AL105,
            job.at(),
            "job '"
                + job.name()
                + "' has type '"
                + type
                + "', a managed Shippable job type that shiprun does not run yet",
            instead,
            "or give --allow-managed to validate, plan and run the rest of the line without it");
      }
    }
  }
}
