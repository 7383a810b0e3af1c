package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.daemon.Problems;
import dev.shiprun.runner.daemon.work.DaemonRuns;
import dev.shiprun.runner.daemon.work.LiveLogs;
import dev.shiprun.runner.daemon.work.LogLines;
import dev.shiprun.runner.engine.log.RunLogs;
import dev.shiprun.runner.store.Run;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A run's log, masked as it was stored: all of it as text, or as Server-Sent Events from its first
 * line, following the run until it ends (one {@code line} event per line, then {@code end}).
 */
@Path("/api/runs/{id}/log")
@Tag(name = "runs")
public class RunLogEndpoint {

  private final DaemonContext daemon;

  @Inject
  public RunLogEndpoint(DaemonContext daemon) {
    this.daemon = daemon;
  }

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "A run's stored log (masked); empty while the run is queued")
  // The body is text written as it streams: said here, as no schema comes from StreamingOutput.
  @APIResponse(
      responseCode = "200",
      description = "The log, one line each",
      content =
          @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
  public StreamingOutput stored(@PathParam("id") long id) {
    run(id);
    int max = opened().runs().settings().maxLogLine();
    return out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      read(id, Integer.MAX_VALUE, max, line -> write(w, line));
      w.flush();
    };
  }

  @GET
  // Below text/plain for a client that takes anything (Accept: */*); asked for by name it wins.
  @Produces("text/event-stream;qs=0.5")
  @Operation(
      summary = "Follow a run's log",
      description =
          "Events 'line' (data: one masked line, id: its number) from the first line, then 'end'"
              + " (data: the run as JSON) when the run has ended.")
  public void follow(@PathParam("id") long id, @Context SseEventSink sink, @Context Sse sse) {
    run(id);
    DaemonContext.Opened opened = opened();
    DaemonRuns runs = opened.runs();
    SseFollower follower =
        new SseFollower(
            sink,
            sse,
            runs.settings().maxLogLine(),
            () -> runs.run(id).map(run -> RunViews.of(opened, run)));
    LiveLogs.Following following = runs.live().follow(id, follower, runs::where);
    try {
      read(id, following.storedLines(), Integer.MAX_VALUE, follower::replay);
    } catch (UncheckedIOException e) {
      runs.live().unfollow(id, follower);
      follower.end();
      return;
    }
    follower.replayed(!following.live());
    if (follower.closed()) {
      runs.live().unfollow(id, follower);
    }
  }

  private Run run(long id) {
    return opened().runs().run(id).orElseThrow(() -> Problems.notFound("there is no run " + id));
  }

  /** The first {@code count} lines of the stored log (none when it is not written yet). */
  private void read(long id, int count, int maxLine, Consumer<String> to) {
    java.nio.file.Path file = RunLogs.file(opened().home(), id);
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      for (int n = 0; n < count && (line = r.readLine()) != null; n++) {
        to.accept(LogLines.cut(line, maxLine));
      }
    } catch (NoSuchFileException e) {
      // Queued, or cancelled before it began: no log yet.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(BufferedWriter w, String line) {
    try {
      w.write(line);
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DaemonContext.Opened opened() {
    return daemon.serving();
  }
}
