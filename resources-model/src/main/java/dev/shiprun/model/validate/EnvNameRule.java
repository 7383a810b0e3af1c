package dev.shiprun.model.validate;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.Named;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.Step;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.env.EnvNames;
import dev.shiprun.model.graph.AssemblyLine;
import java.util.HashMap;
import java.util.Map;

/**
 * Names become {@code <NAME>} variable prefixes (spec §3.1, §9): warn when a name maps to nothing
 * or loses leading digits; within one job's scope (the job, its INs and OUTs, its direct
 * integrations) two different names must not map to the same {@code <NAME>}.
 */
final class EnvNameRule implements ValidationRule {

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    for (Resource r : line.resources()) {
      checkShape(r.name(), "resource", r.at(), out);
    }
    for (Job j : line.jobs()) {
      checkShape(j.name(), "job", j.at(), out);
      checkScope(j, out);
    }
  }

  private static void checkShape(String name, String kind, SourceLocation at, Diagnostics out) {
    String env = EnvNames.of(name);
    if (env.isEmpty()) {
      out.warning(
          DiagnosticCode.AL114,
          at,
          kind
              + " name '"
              + name
              + (EnvNames.losesLeadingDigits(name)
                  ? "' keeps nothing once its leading digits are dropped"
                  : "' has no letters, digits or underscores")
              + "; its variables would be called '_NAME', '_PATH' …",
          "use letters, digits and underscores, e.g. '" + kind + "_1'");
    } else if (EnvNames.losesLeadingDigits(name)) {
      out.warning(
          DiagnosticCode.AL115,
          at,
          kind
              + " name '"
              + name
              + "' starts with digits, which are dropped from its variables: "
              + env
              + "_PATH, "
              + env
              + "_STATE …",
          "start the name with a letter so its variables keep the whole name");
    }
  }

  private static void checkScope(Job job, Diagnostics out) {
    // <NAME> → the first name that claimed it (one map of Named per job, not two maps).
    Map<String, Named> owners = new HashMap<>();
    claim(new Named(job.name(), job.at()), job, owners, out);
    for (Step step : job.steps()) {
      Named target =
          step instanceof InStep in ? in.target() : step instanceof OutStep o ? o.target() : null;
      if (target != null) {
        claim(target, job, owners, out);
      }
    }
    for (Named integration : job.header().integrations()) {
      claim(integration, job, owners, out);
    }
  }

  private static void claim(Named claimant, Job job, Map<String, Named> owners, Diagnostics out) {
    String env = EnvNames.of(claimant.name());
    Named earlier = owners.putIfAbsent(env, claimant);
    if (earlier != null && !earlier.name().equals(claimant.name())) {
      out.error(
          DiagnosticCode.AL113,
          claimant.at(),
          "in job '"
              + job.name()
              + "', '"
              + earlier.name()
              + "' and '"
              + claimant.name()
              + "' both become "
              + env
              + "_*; their variables would overwrite each other",
          "'" + earlier.name() + "' is at " + earlier.at() + "; rename one of them");
    }
  }
}
