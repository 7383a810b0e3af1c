package dev.shiprun.runner.daemon.api;

import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.daemon.Problems;
import dev.shiprun.runner.daemon.work.DaemonLines;
import dev.shiprun.runner.picture.LayoutCache;
import dev.shiprun.runner.picture.LinePicture;
import dev.shiprun.runner.picture.PictureStates;
import dev.shiprun.runner.store.LineSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/lines/{name}/picture}: the line as an SVG picture, each job coloured by its
 * latest run and each resource showing its latest versionName, the same picture as {@code shiprun
 * graph --format svg}. A class of its own: JAX-RS picks the root class by path first. One instance
 * (it keeps the layouts).
 */
@Singleton
@Path("/api/lines/{name}/picture")
@Tag(name = "lines")
public class LinePictureEndpoint {

  static final String SVG = "image/svg+xml";

  private final DaemonContext daemon;
  private final LayoutCache layouts = new LayoutCache();

  @Inject
  public LinePictureEndpoint(DaemonContext daemon) {
    this.daemon = daemon;
  }

  @GET
  @Produces(SVG)
  @Operation(
      summary = "A line's picture (SVG)",
      description =
          "Resources and jobs laid out left to right, each job coloured by its latest run, each"
              + " resource with its latest versionName.")
  @APIResponse(responseCode = "200", description = "The picture")
  @APIResponse(responseCode = "404", description = "No line of that name")
  @APIResponse(responseCode = "409", description = "The line is no longer valid")
  public Response get(@PathParam("name") String name) {
    Names.check("line", name);
    DaemonContext.Opened opened = daemon.serving();
    DaemonLines lines = opened.lines();
    LineSource source =
        lines
            .source(name)
            .orElseThrow(
                () ->
                    Problems.notFound(
                        "the daemon holds no line '"
                            + name
                            + "'; PUT /api/lines/"
                            + name
                            + " to add it"));
    Validation validation = lines.load(source);
    if (validation.valid().isEmpty()) {
      throw Problems.conflict(
          "line '"
              + name
              + "' is no longer valid ("
              + validation.summary()
              + "); GET /api/lines/"
              + name
              + " shows why, fix its files and PUT it again");
    }
    String svg =
        LinePicture.svg(
            name,
            layouts.layout(name, validation.valid().get().line()),
            PictureStates.read(opened.store(), name, ShownLines.of(opened, List.of(name))));
    return Response.ok(svg, SVG).header("Cache-Control", "no-cache").build();
  }
}
