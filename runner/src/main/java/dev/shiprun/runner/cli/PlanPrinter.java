package dev.shiprun.runner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shiprun.model.env.EnvVar;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.plan.Plan;
import dev.shiprun.model.plan.PlannedJob;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a plan for people (waves, reads, writes, env) or as JSON. Secrets show as ***. */
final class PlanPrinter {

  private PlanPrinter() {}

  static String text(Plan plan, AssemblyLine line) {
    StringBuilder out = new StringBuilder();
    int jobs = plan.jobs().size();
    out.append("plan: ")
        .append(jobs)
        .append(jobs == 1 ? " job" : " jobs")
        .append(" in ")
        .append(plan.waves())
        .append(plan.waves() == 1 ? " wave" : " waves")
        .append('\n');
    for (String note : plan.notes()) {
      out.append("note: ").append(note).append('\n');
    }
    int wave = 0;
    for (PlannedJob job : plan.jobs()) {
      if (job.wave() != wave) {
        wave = job.wave();
        out.append("\nwave ")
            .append(wave)
            .append(wave == 1 ? "" : " (after wave " + (wave - 1) + ")")
            .append('\n');
      }
      out.append("  ")
          .append(job.job().name())
          .append(" (")
          .append(job.job().type())
          .append(job.runs() ? ")\n" : ", not run: see the notes)\n");
      for (String note : job.notes()) {
        out.append("    note:   ").append(note).append('\n');
      }
      out.append("    reads:  ").append(describe(line, job.reads())).append('\n');
      out.append("    writes: ").append(describe(line, job.writes())).append('\n');
      out.append("    env:\n");
      for (EnvVar v : job.env().variables()) {
        out.append("      ")
            .append(v.name())
            .append('=')
            .append(quoteIfNeeded(v.value().display()))
            .append('\n');
      }
    }
    if (!plan.notes().isEmpty()) {
      out.append("\nnotes:\n");
      plan.notes().forEach(n -> out.append("  ").append(n).append('\n'));
    }
    return out.toString();
  }

  static String json(Plan plan, boolean ok, List<Map<String, Object>> diagnostics) {
    List<Map<String, Object>> jobs = new ArrayList<>();
    for (PlannedJob job : plan.jobs()) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("name", job.job().name());
      j.put("type", job.job().type());
      j.put("wave", job.wave());
      j.put("runs", job.runs());
      j.put("reads", job.reads());
      j.put("writes", job.writes());
      j.put("notes", job.notes());
      List<Map<String, Object>> env = new ArrayList<>();
      for (EnvVar v : job.env().variables()) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", v.name());
        e.put("value", v.value().display());
        e.put("secret", v.value().isSecret());
        e.put("origin", v.origin());
        env.add(e);
      }
      j.put("env", env);
      jobs.add(j);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("ok", ok);
    root.put("waves", plan.waves());
    root.put("jobs", jobs);
    root.put("notes", plan.notes());
    root.put("diagnostics", diagnostics);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(AssemblyLine line, List<String> names) {
    if (names.isEmpty()) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    for (String name : names) {
      String kind =
          line.resource(name)
              .map(r -> r.type())
              .orElse(
                  line.job(name).isEmpty() && line.external().contains(name)
                      ? "from another repository"
                      : "job");
      parts.add(name + " (" + kind + ")");
    }
    return String.join(", ", parts);
  }

  /** Values with spaces, quotes or line breaks are shown quoted so each variable is one line. */
  private static String quoteIfNeeded(String value) {
    if (value.chars().noneMatch(c -> c == ' ' || c == '\n' || c == '"' || c == '\'' || c == '\t')) {
      return value;
    }
    return '"'
        + value
            .replace("\\", "\\\\")
            .replace("\"", "\\\"")
            .replace("\n", "\\n")
            .replace("\t", "\\t")
        + '"';
  }
}
