package dev.shiprun.runner.daemon.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/version}: which shiprun answers, and from which home. */
@Path("/api/version")
@Tag(name = "daemon")
public class VersionEndpoint {

  /** The answer; the home tells a client which store its runs land in. */
  public record VersionView(String version, String home) {}

  private final DaemonContext daemon;
  private final String version;

  @Inject
  public VersionEndpoint(
      DaemonContext daemon, @ConfigProperty(name = "quarkus.application.version") String version) {
    this.daemon = daemon;
    this.version = version;
  }

  @GET
  @Operation(summary = "Which shiprun answers, and from which home")
  @Produces(MediaType.APPLICATION_JSON)
  public VersionView version() {
    // The token filter lets no request through before the daemon is open.
    return new VersionView(version, daemon.opened().orElseThrow().home().toString());
  }
}
