package dev.shiprun.runner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.log.ShownVersions;
import dev.shiprun.runner.engine.schedule.LineRunner;
import dev.shiprun.runner.engine.schedule.NotReady;
import dev.shiprun.runner.store.StoredVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table (or JSON) {@code shiprun run} prints at the end: a row per run, the report of each run
 * that has one (its matrix jobs' test counts and coverage, see {@link ReportLines}), then the
 * reason of each run that did not succeed. Version names and reasons are shown masked with the
 * run's integrations (the engine stores no secret in a version; this is the second line).
 */
final class RunSummary {

  private RunSummary() {}

  static String text(LineRunner.Outcome outcome, ShownVersions shown) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"JOB", "BUILD", "STATUS", "DURATION", "OUT VERSIONS"});
    for (JobResult r : outcome.results()) {
      rows.add(
          new String[] {
            r.job(),
            "#" + r.buildNumber(),
            r.status().wire(),
            duration(r.duration()),
            r.outVersions().isEmpty()
                ? "-"
                : String.join(
                    ", ",
                    shown.versions(r.outVersions()).stream().map(RunSummary::version).toList())
          });
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        out.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
      }
      out.append('\n');
    }
    for (JobResult r : outcome.results()) {
      List<String> report = ReportLines.of(r.report(), shown::text);
      if (!report.isEmpty()) {
        out.append(r.job()).append(" #").append(r.buildNumber()).append(":\n");
        report.forEach(l -> out.append("  ").append(l).append('\n'));
      }
    }
    for (JobResult r : outcome.results()) {
      if (!r.succeeded() && r.reason().isPresent()) {
        out.append(r.job())
            .append(" #")
            .append(r.buildNumber())
            .append(": ")
            .append(shown.text(r.reason().get()))
            .append('\n');
      }
    }
    for (NotReady n : outcome.notReady()) {
      out.append(n.job()).append(": not run: ").append(shown.text(n.reason())).append('\n');
    }
    if (outcome.cancelled()) {
      out.append("cancelled: jobs that had not started were not run\n");
    }
    return out.toString();
  }

  static String json(LineRunner.Outcome outcome, ShownVersions shown) {
    List<Object> runs = new ArrayList<>();
    for (JobResult r : outcome.results()) {
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("job", r.job());
      run.put("runId", r.runId());
      run.put("buildNumber", r.buildNumber());
      run.put("status", r.status().wire());
      run.put("durationMs", r.duration().toMillis());
      run.put("reason", r.reason().map(shown::text).orElse(null));
      List<Object> versions = new ArrayList<>();
      for (StoredVersion v : shown.versions(r.outVersions())) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("name", v.name());
        version.put("versionNumber", v.number());
        version.put("versionName", v.versionName().orElse(null));
        versions.add(version);
      }
      run.put("outVersions", versions);
      if (!r.report().isEmpty()) {
        run.put("report", shown.report(r.report()));
      }
      runs.add(run);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("succeeded", outcome.allSucceeded());
    doc.put("cancelled", outcome.cancelled());
    doc.put("notRun", outcome.notRun());
    doc.put("runs", runs);
    List<Object> notReady = new ArrayList<>();
    for (NotReady n : outcome.notReady()) {
      Map<String, Object> job = new LinkedHashMap<>();
      job.put("job", n.job());
      job.put("reason", shown.text(n.reason()));
      notReady.add(job);
    }
    doc.put("notReady", notReady);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 10_000) {
      return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }
    if (ms < 120_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return String.format(Locale.ROOT, "%d min %d s", ms / 60_000, (ms / 1000) % 60);
  }

  private static String version(StoredVersion v) {
    return v.name() + " #" + v.number() + v.versionName().map(n -> " (" + n + ")").orElse("");
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
