package dev.shiprun.runner.daemon.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.shiprun.runner.daemon.Problem;
import dev.shiprun.runner.daemon.ProblemException;
import dev.shiprun.runner.secrets.IntegrationStoreException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error an endpoint ends with becomes a problem JSON body: a {@link ProblemException} as it
 * is; a body that is not JSON (or not the JSON asked for) a 400 with where the parser stopped; the
 * status of any other {@link WebApplicationException} (404, 405, 415 …) as it is; anything else a
 * 500 whose detail says nothing about the inside. The log gets one line with the exception's type
 * and message, the stack trace only at DEBUG (a message may quote a request, so it never goes back
 * to the client). Jackson's messages quote the body they failed on, so none of them is sent or
 * logged: a body may hold a secret.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response answer(ProblemException e) {
    Response.ResponseBuilder out =
        Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.body());
    if (e.status() == 429 || e.status() == 503) {
      out.header("Retry-After", "5"); // a full queue drains, a stopping daemon comes back
    }
    return out.build();
  }

  /**
   * Quarkus REST wraps a body Jackson cannot parse (not JSON at all, cut short, too deep) in a 400
   * {@link WebApplicationException}; every other one keeps its status.
   */
  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return badBody(json);
    }
    Response.StatusType status = e.getResponse().getStatusInfo();
    return problem(
        Problem.of(
            "http-" + status.getStatusCode(),
            status.getReasonPhrase(),
            status.getStatusCode(),
            "the request cannot be answered as sent: "
                + status.getReasonPhrase().toLowerCase(Locale.ROOT)));
  }

  /**
   * JSON of the wrong shape (a string where an object belongs …): Quarkus REST passes these on
   * unwrapped. This mapper, being the application's, wins over Quarkus's built-in one, which would
   * quote the body in dev and test mode.
   */
  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e) {
    return badBody(e);
  }

  @ServerExceptionMapper
  public Response integrationStore(IntegrationStoreException e) {
    // The store's messages are one line for the user and never carry a secret.
    LOG.warnf("integration store: %s", e.getMessage());
    return problem(Problem.of("integration-store", "Internal Server Error", 500, e.getMessage()));
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

  /** 400 naming where the JSON went wrong, in words of our own (never Jackson's message). */
  static Response badBody(JsonProcessingException e) {
    return Response.status(400).type(Problem.MEDIA_TYPE).entity(bodyProblem(e)).build();
  }

  static BodyProblem bodyProblem(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    Integer line = at != null && at.getLineNr() > 0 ? at.getLineNr() : null;
    Integer column = at != null && at.getColumnNr() > 0 ? at.getColumnNr() : null;
    String where = line == null ? "" : " at line " + line + ", column " + column;
    String detail;
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      detail =
          "the body's field '"
              + path(m)
              + "' has the wrong type"
              + where
              + "; send the JSON shape docs/api.md shows for this request";
    } else if (e instanceof MismatchedInputException) {
      detail = "the body has the wrong JSON shape" + where + "; send a JSON object";
    } else if (e instanceof JsonEOFException) {
      detail = "the body's JSON ends too early" + where + "; send the whole JSON text";
    } else {
      detail = "the body is not valid JSON" + where + "; fix the JSON syntax there";
    }
    return new BodyProblem(
        "urn:shiprun:problem:bad-body", "Bad Request", 400, detail, line, column);
  }

  /** {@code fields.url} or {@code files[2]}: the field names of the body, never its values. */
  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
