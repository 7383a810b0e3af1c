package dev.shiprun.runner.daemon.api;

import dev.shiprun.model.parse.PipelineFiles;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.daemon.ProblemException;
import dev.shiprun.runner.daemon.Problems;
import dev.shiprun.runner.daemon.api.LineViews.LineGraph;
import dev.shiprun.runner.daemon.api.LineViews.LineSummary;
import dev.shiprun.runner.daemon.work.DaemonLines;
import dev.shiprun.runner.store.LineSource;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.Store;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/lines}: the assembly lines the daemon holds. A PUT validates the line the way {@code
 * shiprun validate} does and stores it only when it has no errors, so a bad upload never replaces a
 * good line; a DELETE forgets the line but keeps its versions and runs (history).
 */
@Path("/api/lines")
@Tag(name = "lines", description = "The assembly lines the daemon holds")
@Produces(MediaType.APPLICATION_JSON)
public class LinesEndpoint {

  /** A JSON body: a folder (or file) on the daemon's node, or the YAML files themselves. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record LineBody(String path, Map<String, String> files) {}

  private static final String LINE = "line";

  private final DaemonContext daemon;

  @Inject
  public LinesEndpoint(DaemonContext daemon) {
    this.daemon = daemon;
  }

  @GET
  @Operation(summary = "Every line: where it comes from, whether it is valid, its size")
  public List<LineSummary> list() {
    DaemonLines lines = daemon.serving().lines();
    Store store = daemon.serving().store();
    Map<String, List<Run>> newest =
        store.transaction(c -> store.runs().latestPerJob(c, Optional.empty())).stream()
            .collect(Collectors.groupingBy(Run::line));
    return lines.list().stream()
        .map(
            s ->
                LineViews.summary(
                    s, lines.load(s), false, newest.getOrDefault(s.name(), List.of())))
        .toList();
  }

  @GET
  @Path("{name}")
  @Operation(summary = "A line's graph: jobs with their IN and OUT, resources, edges, order")
  @APIResponse(responseCode = "200", description = "The line")
  @APIResponse(responseCode = "404", description = "No line of that name")
  public LineGraph get(@PathParam("name") String name) {
    Names.check(LINE, name);
    DaemonLines lines = daemon.serving().lines();
    LineSource source = lines.source(name).orElseThrow(() -> unknown(name));
    return LineViews.graph(source, lines.load(source));
  }

  /** One shippable.yml as the body. */
  @PUT
  @Path("{name}")
  @Operation(summary = "Add or replace a line from one shippable.yml")
  @APIResponse(responseCode = "201", description = "Stored, new")
  @APIResponse(responseCode = "200", description = "Stored, replacing the line of that name")
  @APIResponse(
      responseCode = "400",
      description = "A file is not YAML (diagnostic AL001 with line and column); nothing stored")
  @APIResponse(
      responseCode = "422",
      description = "Invalid (diagnostics with file, line, column); nothing stored")
  @Consumes({"application/yaml", "application/x-yaml", MediaType.TEXT_PLAIN})
  public Response putYaml(@PathParam("name") String name, String yaml) {
    Names.check(LINE, name);
    return store(
        LineSource.uploaded(name, Map.of("shippable.yml", yaml == null ? "" : yaml), now()));
  }

  /** {@code {"path": "/abs/dir"}} or {@code {"files": {"shippable.yml": "…", …}}}. */
  @PUT
  @Path("{name}")
  @Operation(summary = "Add or replace a line: a folder on the daemon's node, or its YAML files")
  @APIResponse(responseCode = "201", description = "Stored, new")
  @APIResponse(responseCode = "200", description = "Stored, replacing the line of that name")
  @APIResponse(responseCode = "400", description = "Not JSON (line and column of the error)")
  @APIResponse(
      responseCode = "422",
      description = "Invalid line, or a path that is relative or missing; nothing stored")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response putJson(@PathParam("name") String name, LineBody body) {
    Names.check(LINE, name);
    if (body == null) {
      throw Problems.badRequest(
          "the body is empty; send {\"path\": \"/dir/on/the/node\"} or {\"files\":"
              + " {\"shippable.yml\": \"…\"}}");
    }
    boolean hasFiles = body.files() != null;
    if ((body.path() != null) == hasFiles) {
      throw Problems.unprocessable(
          "give exactly one of 'path' (a folder on the daemon's node) and 'files' (file name →"
              + " YAML text)");
    }
    return store(hasFiles ? uploaded(name, body.files()) : onNode(name, body.path()));
  }

  @DELETE
  @Path("{name}")
  @Operation(summary = "Forget a line; its versions and runs stay")
  @APIResponse(responseCode = "204", description = "Forgotten")
  @APIResponse(responseCode = "404", description = "No line of that name")
  public Response delete(@PathParam("name") String name) {
    Names.check(LINE, name);
    if (!daemon.serving().lines().delete(name)) {
      throw unknown(name);
    }
    return Response.noContent().build();
  }

  private Response store(LineSource source) {
    DaemonLines lines = daemon.serving().lines();
    Validation validation = lines.validate(source);
    if (validation.valid().isEmpty()) {
      InvalidLineProblem problem = InvalidLineProblem.of(source.name(), validation);
      throw new ProblemException(problem.status(), problem);
    }
    boolean created = lines.put(source);
    // Read back: the store keeps the time to the microsecond, and the answer should match a GET.
    LineSource stored = lines.source(source.name()).orElse(source);
    return Response.status(created ? 201 : 200)
        .entity(LineViews.summary(stored, validation, true, newestRuns(source.name())))
        .build();
  }

  private List<Run> newestRuns(String line) {
    Store store = daemon.serving().store();
    return store.transaction(c -> store.runs().latestPerJob(c, Optional.of(line)));
  }

  private static LineSource onNode(String name, String text) {
    java.nio.file.Path path;
    try {
      path = java.nio.file.Path.of(text);
    } catch (java.nio.file.InvalidPathException e) {
      throw Problems.unprocessable("'path' is not a usable path; give an absolute folder path");
    }
    if (!path.isAbsolute()) {
      throw Problems.unprocessable(
          "'path' "
              + text
              + " is relative; give an absolute path on the daemon's node (it does not know your"
              + " working directory)");
    }
    if (!Files.exists(path)) {
      throw Problems.unprocessable(
          "'path' "
              + text
              + " does not exist on the daemon's node; give a folder there that holds"
              + " shippable.yml");
    }
    if (!Files.isDirectory(path) && !isYamlFile(path)) {
      // Never read: a diagnostic about such a file could quote what it holds (a key, a secret).
      throw Problems.unprocessable(
          "'path' "
              + text
              + " is neither a folder nor a .yml or .yaml file; give the folder that holds"
              + " shippable.yml, or one YAML file of the line");
    }
    return LineSource.onNode(name, path.normalize(), now());
  }

  /** A regular file named .yml or .yaml, and so is what a link of that name points at. */
  private static boolean isYamlFile(java.nio.file.Path path) {
    if (!Files.isRegularFile(path) || !hasYamlName(path)) {
      return false;
    }
    try {
      return hasYamlName(path.toRealPath());
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static boolean hasYamlName(java.nio.file.Path path) {
    java.nio.file.Path file = path.getFileName();
    String name = file == null ? "" : file.toString();
    return name.endsWith(".yml") || name.endsWith(".yaml");
  }

  /**
   * The uploaded files, in the order a folder's are read (templates first); other names after, as
   * sent. Names are labels for diagnostics, never paths the daemon opens.
   */
  private static LineSource uploaded(String name, Map<String, String> files) {
    if (files.isEmpty()) {
      throw Problems.unprocessable("'files' is empty; send at least shippable.yml");
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      if (!isFileName(file.getKey())) {
        throw Problems.unprocessable(
            "'files' holds a name that is not a YAML file name; use names such as shippable.yml"
                + " and shippable.resources.yml (letters, digits, '-', '_', '.', ending in .yml"
                + " or .yaml)");
      }
      if (file.getValue() == null) {
        throw Problems.unprocessable(
            "file '" + file.getKey() + "' has no text; give its YAML as a JSON string");
      }
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    files.keySet().stream()
        .sorted(Comparator.comparingInt(LinesEndpoint::readingOrder))
        .forEach(f -> ordered.put(f, files.get(f)));
    return LineSource.uploaded(name, ordered, now());
  }

  private static int readingOrder(String file) {
    int known = PipelineFiles.DIRECTORY_FILES.indexOf(file);
    return known < 0 ? PipelineFiles.DIRECTORY_FILES.size() : known;
  }

  private static boolean isFileName(String name) {
    return name != null
        && name.length() <= Names.MAX
        && name.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.(yml|yaml)");
  }

  /** 404: the daemon holds no line {@code name}. */
  static ProblemException unknown(String name) {
    return Problems.notFound(
        "the daemon holds no line '" + name + "'; PUT /api/lines/" + name + " to add it");
  }

  private static Instant now() {
    return Instant.now();
  }
}
