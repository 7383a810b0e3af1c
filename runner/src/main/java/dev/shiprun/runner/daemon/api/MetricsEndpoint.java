package dev.shiprun.runner.daemon.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /q/metrics}: the daemon's figures in Prometheus' text format (bearer token too). */
@Path("/q/metrics")
@Tag(name = "operations")
public class MetricsEndpoint {

  private final DaemonContext daemon;

  @Inject
  public MetricsEndpoint(DaemonContext daemon) {
    this.daemon = daemon;
  }

  @GET
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  @Operation(summary = "Prometheus metrics")
  public String metrics() {
    return daemon.serving().runs().metrics().scrape();
  }
}
