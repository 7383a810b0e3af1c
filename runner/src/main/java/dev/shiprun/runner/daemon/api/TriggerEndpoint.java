package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.store.Run;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/lines/{line}/jobs/{job}/runs}: a manual trigger. A class of its own: JAX-RS
 * picks the root class by path first, and this path is longer than the lines endpoint's.
 */
@Path("/api/lines/{line}/jobs/{job}/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "runs")
public class TriggerEndpoint {

  /** The body of a trigger, optional: variables the job gets, like {@code shiprun run --env}. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record TriggerBody(Map<String, String> variables) {}

  private final DaemonContext daemon;

  @Inject
  public TriggerEndpoint(DaemonContext daemon) {
    this.daemon = daemon;
  }

  @POST
  @Operation(
      summary = "Trigger a job",
      description =
          "Queues a run of the job (202); a worker runs it, then what it triggers. The body"
              + " {\"variables\": {…}} is optional.")
  @Consumes(MediaType.WILDCARD)
  public Response trigger(
      @PathParam("line") String line, @PathParam("job") String job, String text) {
    TriggerBody body = JsonBodies.read(text, TriggerBody.class);
    Map<String, String> variables =
        body == null || body.variables() == null ? Map.of() : body.variables();
    Run run = daemon.serving().runs().trigger(line, job, variables);
    return Response.accepted(RunView.of(run)).location(URI.create("/api/runs/" + run.id())).build();
  }
}
