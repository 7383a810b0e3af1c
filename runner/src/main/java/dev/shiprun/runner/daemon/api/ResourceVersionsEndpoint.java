package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.daemon.Problems;
import dev.shiprun.runner.engine.log.ShownVersions;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/resources/{line}/{name}/versions}: a resource's (or job's) versions, newest
 * first, masked with the secrets of the daemon's integrations and the opened {@code secure:} values
 * of the line, the encrypted values shown as {@code ***} (the engine stores no secret in a version;
 * this is the second line, for versions stored otherwise).
 */
@Path("/api/resources/{line}/{name}/versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "versions")
public class ResourceVersionsEndpoint {

  /** One version as the API shows it. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record VersionView(
      int number,
      String kind,
      String versionName,
      Map<String, Object> propertyBag,
      String filesSha,
      Long createdByRun,
      String createdAt) {

    static VersionView of(StoredVersion v) {
      return new VersionView(
          v.number(),
          v.kind().name().toLowerCase(java.util.Locale.ROOT),
          v.versionName().orElse(null),
          v.propertyBag(),
          v.filesSha().orElse(null),
          v.createdByRun().isPresent() ? v.createdByRun().getAsLong() : null,
          v.createdAt().toString());
    }
  }

  private final DaemonContext daemon;

  @Inject
  public ResourceVersionsEndpoint(DaemonContext daemon) {
    this.daemon = daemon;
  }

  @GET
  @Operation(summary = "A resource's versions, newest first (a job's too: its state)")
  public List<VersionView> versions(
      @PathParam("line") String line, @PathParam("name") String name) {
    Store store = daemon.serving().store();
    List<StoredVersion> versions = store.transaction(c -> store.versions().list(c, line, name));
    if (versions.isEmpty() && daemon.serving().lines().source(line).isEmpty()) {
      throw Problems.notFound(
          "no versions of '"
              + name
              + "' in line '"
              + line
              + "', and the daemon holds no such line");
    }
    ShownVersions shown = ShownLines.of(daemon.serving(), List.of(line));
    return shown.versions(versions).stream().map(VersionView::of).toList();
  }
}
