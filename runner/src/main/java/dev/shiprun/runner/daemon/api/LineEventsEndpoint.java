package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.daemon.work.LineEvents;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/lines/{name}/events}: what happens on a line while a client follows it, as
 * Server-Sent Events: {@code job} (a run queued, begun, ended), {@code version} (a run posted a
 * version of a resource), {@code step} (a step began or ended), and a {@code : keep-alive} comment
 * every 15 s. Only runs of this daemon.
 */
@Path("/api/lines/{name}/events")
@Tag(name = "lines")
public class LineEventsEndpoint {

  private final DaemonContext daemon;

  @Inject
  public LineEventsEndpoint(DaemonContext daemon) {
    this.daemon = daemon;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "Follow a line",
      description =
          "Events 'job' (data: {job, runId, buildNumber, status, triggeredBy, startedAt,"
              + " finishedAt}), 'version' ({resource, number, versionName}) and 'step' ({runId,"
              + " job, step}) as runs of this daemon go; a comment every 15 s.")
  public void follow(@PathParam("name") String name, @Context SseEventSink sink, @Context Sse sse) {
    Names.check("line", name);
    DaemonContext.Opened opened = daemon.serving();
    if (opened.lines().source(name).isEmpty()) {
      throw LinesEndpoint.unknown(name);
    }
    LineEvents events = opened.runs().lineEvents();
    events.follow(name, new LineFollower(sink, sse));
  }

  /** One client: each event only queued on its connection, never waited for. */
  private static final class LineFollower implements LineEvents.Follower {
    private final SseEventSink sink;
    private final Sse sse;

    LineFollower(SseEventSink sink, Sse sse) {
      this.sink = sink;
      this.sse = sse;
      // The headers go out at once, so a client knows it follows before the first event.
      keepAlive();
    }

    @Override
    public boolean send(String name, String data) {
      return queue(sse.newEventBuilder().name(name).data(String.class, data).build());
    }

    @Override
    public boolean keepAlive() {
      return queue(sse.newEventBuilder().comment("keep-alive").build());
    }

    /** Queues {@code event}; a connection a write failed on is closed, and found so next time. */
    private synchronized boolean queue(OutboundSseEvent event) {
      if (sink.isClosed()) {
        return false;
      }
      sink.send(event)
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  sink.close();
                }
              });
      return true;
    }
  }
}
