package dev.shiprun.runner.daemon.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.json.DiagnosticsJson;
import dev.shiprun.runner.json.GraphJson;
import dev.shiprun.runner.store.LineSource;
import dev.shiprun.runner.store.Run;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What the lines API answers with: a line's summary, and its graph. */
final class LineViews {

  private LineViews() {}

  /** Where a line's files come from: uploaded to the daemon, or a path on its node. */
  static final String FILES = "files";

  static final String PATH = "path";

  /**
   * One line in a list, and the answer to a PUT (which adds {@code diagnostics}: the warnings of
   * the line just stored). {@code path} only for a path line, {@code files} (names) only for an
   * uploaded one. {@code statusCounts}: how many jobs stand at each status by their newest run
   * ({@code none}: never ran); {@code lastRun}: the line's newest run, left out when it has none.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  record LineSummary(
      String name,
      String source,
      String path,
      List<String> files,
      Instant updatedAt,
      boolean valid,
      int jobs,
      int resources,
      long errors,
      long warnings,
      Map<String, Integer> statusCounts,
      LineStatusViews.LastRun lastRun,
      JsonNode diagnostics) {}

  /** A line's graph: {@code shiprun graph -f json}'s parts plus each job's IN and OUT. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  record LineGraph(
      String name,
      String source,
      String path,
      List<String> files,
      Instant updatedAt,
      boolean valid,
      List<Map<String, Object>> jobs,
      List<Map<String, Object>> resources,
      List<Map<String, Object>> edges,
      List<String> order,
      long errors,
      long warnings,
      JsonNode diagnostics) {}

  /**
   * The summary of {@code s} as {@code v} validates it now, its jobs counted by status from {@code
   * newestRuns} (the newest run of each job of the line).
   */
  static LineSummary summary(
      LineSource s, Validation v, boolean withDiagnostics, Collection<Run> newestRuns) {
    return new LineSummary(
        s.name(),
        source(s),
        s.path().map(Path::toString).orElse(null),
        s.path().isPresent() ? null : List.copyOf(s.files().keySet()),
        s.updatedAt(),
        v.valid().isPresent(),
        v.pipeline().jobs().size(),
        v.pipeline().resources().size(),
        v.errorCount(),
        v.warningCount(),
        LineStatusViews.statusCounts(v, newestRuns),
        LineStatusViews.lastRun(newestRuns).orElse(null),
        withDiagnostics ? DiagnosticsJson.list(v.diagnostics()) : null);
  }

  /**
   * The graph of {@code v}. A path line edited on the node may fail validation: then jobs and
   * resources are those that could be read, without edges or order, and the diagnostics say why.
   */
  static LineGraph graph(LineSource s, Validation v) {
    AssemblyLine line = v.valid().map(valid -> valid.line()).orElse(null);
    return new LineGraph(
        s.name(),
        source(s),
        s.path().map(Path::toString).orElse(null),
        s.path().isPresent() ? null : List.copyOf(s.files().keySet()),
        s.updatedAt(),
        line != null,
        v.pipeline().jobs().stream().map(GraphJson::jobWithSteps).toList(),
        v.pipeline().resources().stream().map(GraphJson::resource).toList(),
        line == null ? List.of() : GraphJson.edges(line),
        line == null ? List.of() : GraphJson.order(line),
        v.errorCount(),
        v.warningCount(),
        DiagnosticsJson.list(v.diagnostics()));
  }

  private static String source(LineSource s) {
    return s.path().isPresent() ? PATH : FILES;
  }
}
