package dev.shiprun.model.validate;

import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.graph.AssemblyLine;
import java.util.HashMap;
import java.util.Map;

/** Job and resource names share one namespace and must be unique (spec §1.1). */
final class DuplicateNameRule implements ValidationRule {

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    Map<String, String> firstKind = new HashMap<>();
    Map<String, SourceLocation> firstAt = new HashMap<>();
    for (Resource r : line.resources()) {
      note(r.name(), "resource", r.at(), firstKind, firstAt, out);
    }
    for (Job j : line.jobs()) {
      note(j.name(), "job", j.at(), firstKind, firstAt, out);
    }
  }

  private static void note(
      String name,
      String kind,
      SourceLocation at,
      Map<String, String> firstKind,
      Map<String, SourceLocation> firstAt,
      Diagnostics out) {
    String earlier = firstKind.putIfAbsent(name, kind);
    if (earlier == null) {
      firstAt.put(name, at);
      return;
    }
    out.error(
        DiagnosticCode.AL109,
        at,
        kind
            + " name '"
            + name
            + "' is already used by a "
            + earlier
            + "; job and resource names must be unique",
        "first defined at " + firstAt.get(name) + "; rename one of them");
  }
}
