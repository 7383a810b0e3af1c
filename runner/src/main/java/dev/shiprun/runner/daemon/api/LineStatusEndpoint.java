package dev.shiprun.runner.daemon.api;

import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.daemon.api.LineStatusViews.LineStatus;
import dev.shiprun.runner.store.LineSource;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/lines/{name}/status}: each job of a line by its newest run, each resource by its
 * newest version (versionNames masked as every version the API shows); two queries in one
 * transaction, however big the line.
 */
@Path("/api/lines/{name}/status")
@Tag(name = "lines")
@Produces(MediaType.APPLICATION_JSON)
public class LineStatusEndpoint {

  private final DaemonContext daemon;

  @Inject
  public LineStatusEndpoint(DaemonContext daemon) {
    this.daemon = daemon;
  }

  /** What the newest runs and versions of one line are, read together. */
  private record Newest(List<Run> runs, List<StoredVersion> versions) {}

  @GET
  @Operation(summary = "Each job by its newest run, each resource by its newest version")
  @APIResponse(responseCode = "200", description = "The line's status")
  @APIResponse(responseCode = "404", description = "No line of that name")
  public LineStatus status(@PathParam("name") String name) {
    Names.check("line", name);
    DaemonContext.Opened opened = daemon.serving();
    LineSource source = opened.lines().source(name).orElseThrow(() -> LinesEndpoint.unknown(name));
    Validation validation = opened.lines().load(source);
    Store store = opened.store();
    Newest newest =
        store.transaction(
            c ->
                new Newest(
                    store.runs().latestPerJob(c, Optional.of(name)),
                    store.versions().latestPerName(c, name)));
    return LineStatusViews.status(
        validation, newest.runs(), newest.versions(), ShownLines.of(opened, List.of(name)));
  }
}
