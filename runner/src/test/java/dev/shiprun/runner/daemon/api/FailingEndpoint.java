package dev.shiprun.runner.daemon.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test only: an endpoint that breaks, to see what a client gets then. */
@Path("/api/test/failure")
public class FailingEndpoint {

  static final String INSIDE = "made-up inside detail at /var/lib/x";

  @GET
  public String fail() {
    throw new IllegalStateException(INSIDE);
  }
}
