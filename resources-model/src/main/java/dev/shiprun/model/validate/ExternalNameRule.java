package dev.shiprun.model.validate;

import dev.shiprun.model.HookSection;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.Named;
import dev.shiprun.model.NotifyStep;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Pipeline;
import dev.shiprun.model.Resource;
import dev.shiprun.model.Step;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.ExternalNames;
import dev.shiprun.model.graph.ExternalNames.External;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One AL124 warning per external name the files do not define: where the first job uses it (taken
 * on trust from another repository), or where it was declared when nothing uses it. Names the files
 * define are checked by {@link #definedHere}.
 */
final class ExternalNameRule implements ValidationRule {

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    if (line.external().isEmpty()) {
      return;
    }
    Map<String, List<Use>> uses = uses(line);
    for (External e : line.external().all()) {
      List<Use> used = uses.getOrDefault(e.name(), List.of());
      if (used.isEmpty()) {
        out.warning(
            DiagnosticCode.AL124,
            e.at(),
            "'" + e.name() + "' is declared external (" + e.from() + ") but no job here uses it",
            "remove it from " + e.from() + ", or check the spelling of the jobs' INs and OUTs");
        continue;
      }
      List<String> jobs = new ArrayList<>();
      used.forEach(u -> jobs.add("'" + u.job() + "'"));
      Use first = used.get(0);
      out.warning(
          DiagnosticCode.AL124,
          first.target().at(),
          (jobs.size() == 1 ? "job " : "jobs ")
              + String.join(", ", jobs.stream().distinct().toList())
              + " "
              + (jobs.stream().distinct().count() == 1 ? first.verb() : plural(first.verb()))
              + " '"
              + e.name()
              + "', a name from another repository ("
              + e.from()
              + "); shiprun cannot check it here",
          "plan and run leave out the jobs that use it; give both repositories' folders as"
              + " PATHs to run them");
    }
  }

  /**
   * An AL124 warning at each definition of a name declared external in the same repository (or with
   * --external): it is defined here, not elsewhere. A definition in another directory given
   * alongside is that other repository, and no mistake.
   */
  static void definedHere(Pipeline pipeline, ExternalNames external, Diagnostics out) {
    for (External e : external.all()) {
      Optional<SourceLocation> defined =
          pipeline
              .resource(e.name())
              .map(Resource::at)
              .or(() -> pipeline.job(e.name()).map(Job::at));
      if (defined.isPresent() && e.contradictedBy(defined.get().file())) {
        out.warning(
            DiagnosticCode.AL124,
            defined.get(),
            "'"
                + e.name()
                + "' is defined here, not external; "
                + e.from()
                + " names it as another repository's",
            "this definition is used; remove '" + e.name() + "' from " + e.from());
      }
    }
  }

  /** "reads" → "read": the verb after several jobs. */
  private static String plural(String verb) {
    return verb.substring(0, verb.length() - (verb.endsWith("ies") ? 3 : 1))
        + (verb.endsWith("ies") ? "y" : "");
  }

  /** Which job refers to a name, where, and how ("reads", "writes", "notifies"). */
  private record Use(String job, Named target, String verb) {}

  private static Map<String, List<Use>> uses(AssemblyLine line) {
    Map<String, List<Use>> uses = new LinkedHashMap<>();
    for (Job job : line.jobs()) {
      for (Step step : job.steps()) {
        if (step instanceof InStep in) {
          add(uses, line, new Use(job.name(), in.target(), "reads"));
        } else if (step instanceof OutStep o) {
          add(uses, line, new Use(job.name(), o.target(), "writes"));
        } else if (step instanceof NotifyStep n) {
          add(uses, line, new Use(job.name(), n.target(), "notifies"));
        }
      }
      for (HookSection hook : job.hooks().sections()) {
        for (NotifyStep n : hook.notifications()) {
          add(uses, line, new Use(job.name(), n.target(), "notifies"));
        }
      }
    }
    return uses;
  }

  private static void add(Map<String, List<Use>> uses, AssemblyLine line, Use use) {
    if (line.external().contains(use.target().name())) {
      uses.computeIfAbsent(use.target().name(), k -> new ArrayList<>()).add(use);
    }
  }
}
