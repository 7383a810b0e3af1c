package dev.shiprun.runner.daemon;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error an endpoint ends with becomes a problem JSON body: the status of a {@link
 * WebApplicationException} (404, 405, 415 …) as it is, anything else a 500 whose detail says
 * nothing about the inside. The log gets one line with the exception's type and message, the stack
 * trace only at DEBUG (a message may quote a request, so it never goes back to the client).
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    Response.StatusType status = e.getResponse().getStatusInfo();
    return problem(
        Problem.of(
            "http-" + status.getStatusCode(),
            status.getReasonPhrase(),
            status.getStatusCode(),
            "the request cannot be answered as sent: " + status.getReasonPhrase().toLowerCase()));
  }

  @ServerExceptionMapper
  public Response refused(ProblemException e) {
    Response.ResponseBuilder out =
        Response.status(e.problem().status()).type(Problem.MEDIA_TYPE).entity(e.problem());
    if (e.problem().status() == 429 || e.problem().status() == 503) {
      out.header("Retry-After", "5");
    }
    return out.build();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    LOG.errorf("an endpoint failed: %s: %s", e.getClass().getName(), e.getMessage());
    LOG.debug("stack trace of the failure above", e);
    return problem(Problem.internal());
  }

  static Response problem(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
