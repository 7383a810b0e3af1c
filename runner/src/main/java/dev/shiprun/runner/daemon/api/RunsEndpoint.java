package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.daemon.Problems;
import dev.shiprun.runner.daemon.work.DaemonRuns;
import dev.shiprun.runner.store.RunStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs: those the store holds (the CLI's too), one run, and its cancel. */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "runs")
public class RunsEndpoint {

  /** What a cancel did: the run as it is now, and whether it was stopped before it began. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record CancelView(RunView run, String outcome) {}

  private static final int MAX_LIMIT = 1000;

  private final DaemonContext daemon;

  @Inject
  public RunsEndpoint(DaemonContext daemon) {
    this.daemon = daemon;
  }

  @GET
  @Operation(summary = "List runs, newest first")
  public List<RunView> list(
      @QueryParam("line") String line,
      @QueryParam("job") String job,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit) {
    Optional<RunStatus> wanted = Optional.ofNullable(status).map(RunsEndpoint::status);
    int max = limit(limit);
    var store = daemon.serving().store();
    return RunViews.all(
        daemon.serving(),
        store.transaction(
            c ->
                store
                    .runs()
                    .list(c, Optional.ofNullable(line), Optional.ofNullable(job), wanted, max)));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One run")
  public RunView get(@PathParam("id") long id) {
    return RunViews.of(
        daemon.serving(),
        runs().run(id).orElseThrow(() -> Problems.notFound("there is no run " + id)));
  }

  @POST
  @Path("/{id}/cancel")
  @Operation(
      summary = "Cancel a run",
      description =
          "A queued run is cancelled at once (200); a running one is stopped the engine's way"
              + " (202: TERM, grace, KILL, on_cancel) and ends cancelled.")
  public Response cancel(@PathParam("id") long id) {
    DaemonRuns.Cancelled what = runs().cancel(id);
    RunView now = RunView.of(runs().run(id).orElseThrow());
    return Response.status(what == DaemonRuns.Cancelled.BEFORE_START ? 200 : 202)
        .entity(
            new CancelView(
                now,
                what == DaemonRuns.Cancelled.BEFORE_START
                    ? "cancelled before it began"
                    : "stopping"))
        .build();
  }

  private DaemonRuns runs() {
    return daemon.serving().runs();
  }

  /**
   * {@code limit} as a number of runs (default 100). Read as text: JAX-RS answers a query parameter
   * it cannot convert with 404, as if the collection were missing.
   */
  private static int limit(String text) {
    if (text == null) {
      return 100;
    }
    int max;
    try {
      max = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      max = -1;
    }
    if (max < 1 || max > MAX_LIMIT) {
      throw Problems.badQuery(
          "limit must be a whole number from 1 to "
              + MAX_LIMIT
              + ", not '"
              + (text.length() > 20 ? text.substring(0, 20) + "…" : text)
              + "'; leave it out for the newest 100");
    }
    return max;
  }

  private static RunStatus status(String text) {
    try {
      return RunStatus.fromWire(text);
    } catch (IllegalArgumentException e) {
      throw Problems.badQuery(
          "'"
              + text
              + "' is not a run status; use one of "
              + String.join(", ", Arrays.stream(RunStatus.values()).map(RunStatus::wire).toList()));
    }
  }
}
