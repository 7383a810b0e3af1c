package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.daemon.work.DaemonRuns;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/lines/{line}/triggers/{name}}: a user triggers a trigger resource, as {@code
 * shiprun trigger} does. A class of its own, as the job trigger is: JAX-RS picks the root class by
 * path first.
 */
@Path("/api/lines/{line}/triggers/{name}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "runs")
public class TriggerResourceEndpoint {

  /** The body, optional: the new version's message, and variables the jobs get. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record FireBody(String message, Map<String, String> variables) {}

  /** What a trigger did: its new version, and the runs it queued. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record FiredView(
      String line,
      String trigger,
      ResourceVersionsEndpoint.VersionView version,
      List<RunView> runs) {}

  private final DaemonContext daemon;

  @Inject
  public TriggerResourceEndpoint(DaemonContext daemon) {
    this.daemon = daemon;
  }

  @POST
  @Operation(
      summary = "Trigger a trigger resource",
      description =
          "Records the trigger's next version (a counter one above the last; versionName the"
              + " message, else the counter) and queues a run of each job that reads it with"
              + " switch on (202); workers run them, then what they trigger. The body"
              + " {\"message\": \"…\", \"variables\": {…}} is optional. 404 for an unknown line"
              + " or trigger, 409 when the name is a job or a resource of another type.")
  @Consumes(MediaType.WILDCARD)
  public Response fire(
      @PathParam("line") String line, @PathParam("name") String name, String text) {
    FireBody body = JsonBodies.read(text, FireBody.class);
    Optional<String> message =
        body == null ? Optional.empty() : Optional.ofNullable(body.message());
    Map<String, String> variables =
        body == null || body.variables() == null ? Map.of() : body.variables();
    DaemonRuns.Fired fired = daemon.serving().runs().fire(line, name, message, variables);
    return Response.accepted(
            new FiredView(
                line,
                name,
                ResourceVersionsEndpoint.VersionView.of(fired.version()),
                fired.runs().stream().map(RunView::of).toList()))
        .location(URI.create("/api/resources/" + line + "/" + name + "/versions"))
        .build();
  }
}
