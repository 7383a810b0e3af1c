package dev.shiprun.model.validate;

import dev.shiprun.model.HookSection;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.Named;
import dev.shiprun.model.NotifyStep;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.Step;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.diagnostic.Suggestions;
import dev.shiprun.model.graph.AssemblyLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every IN, OUT and NOTIFY names a resource or job of the line (with a "did you mean"), or a name
 * declared external (defined by another repository's line).
 */
final class ReferenceRule implements ValidationRule {

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    List<String> names = new ArrayList<>();
    line.resources().forEach(r -> names.add(r.name()));
    line.jobs().forEach(j -> names.add(j.name()));
    for (Job job : line.jobs()) {
      for (Step step : job.steps()) {
        if (step instanceof InStep in) {
          check(line, job, in.target(), "reads", names, out);
        } else if (step instanceof OutStep o) {
          check(line, job, o.target(), "writes", names, out);
        } else if (step instanceof NotifyStep n) {
          check(line, job, n.target(), "notifies", names, out);
        }
      }
      for (HookSection hook : job.hooks().sections()) {
        for (NotifyStep n : hook.notifications()) {
          check(line, job, n.target(), "notifies", names, out);
        }
      }
    }
  }

  private static void check(
      AssemblyLine line, Job job, Named target, String verb, List<String> names, Diagnostics out) {
    if (line.resource(target.name()).isPresent()
        || line.job(target.name()).isPresent()
        || line.external().contains(target.name())) {
      return; // an external name is reported once, by ExternalNameRule
    }
    Optional<String> near = Suggestions.closest(target.name(), names);
    out.error(
        DiagnosticCode.AL107,
        target.at(),
        "job '" + job.name() + "' " + verb + " unknown resource '" + target.name() + "'",
        near.map(n -> "did you mean '" + n + "'? (defined at " + definedAt(line, n) + ")")
            .orElse(
                "define a resource named '"
                    + target.name()
                    + "' under 'resources:', or fix "
                    + "the name"));
  }

  private static SourceLocation definedAt(AssemblyLine line, String name) {
    return line.resource(name).map(Resource::at).orElseGet(() -> line.job(name).get().at());
  }
}
