package dev.shiprun.runner.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shiprun.runner.daemon.Problem;
import dev.shiprun.runner.daemon.ProblemException;
import dev.shiprun.runner.daemon.Problems;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/session}: the web page signs in with the API token once and gets a session cookie
 * (HttpOnly, SameSite=Strict, no Path, so the browser scopes it to the folder it sees the API in,
 * which is right behind a proxy at a sub-path) and the session's CSRF token, which the page sends
 * back as {@code X-CSRF-Token} with every request that changes something ({@link AccessFilter}).
 */
@Path(AccessFilter.SIGN_IN)
@Tag(name = "daemon")
@Produces(MediaType.APPLICATION_JSON)
public class SessionEndpoint {

  /** A session as the page sees it: the CSRF token to send, and when it ends if left idle. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record SessionView(String csrf, String expiresAt) {
    static SessionView of(Sessions.Session session) {
      return new SessionView(session.csrf(), session.expiresAt().toString());
    }

    @Override
    public String toString() {
      return "SessionView[csrf=***, expiresAt=" + expiresAt + "]";
    }
  }

  private final DaemonContext daemon;
  private final Sessions sessions;

  @Inject
  public SessionEndpoint(DaemonContext daemon, Sessions sessions) {
    this.daemon = daemon;
    this.sessions = sessions;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Sign in with the API token: a session cookie and its CSRF token")
  public Response signIn(
      String body,
      @CookieParam(AccessFilter.SESSION_COOKIE) String previous,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request) {
    String token = token(JsonBodies.read(body, JsonNode.class));
    if (!daemon.serving().token().matches(token)) {
      Problem problem = Problem.unauthorized();
      return Response.status(problem.status())
          .type(Problem.MEDIA_TYPE)
          .header("WWW-Authenticate", "Bearer realm=\"shiprun\"")
          .entity(problem)
          .build();
    }
    sessions.end(previous);
    Sessions.Started started = sessions.start();
    return Response.ok(SessionView.of(started.session()))
        .header(
            HttpHeaders.SET_COOKIE,
            cookie(AccessFilter.SESSION_COOKIE + "=" + started.id(), headers, request))
        .build();
  }

  /**
   * The token of a sign-in body. Read as a tree, not bound to a record, so that no error names a
   * field the body made up (a mistyped token pasted as a name would be quoted back).
   */
  private static String token(JsonNode body) {
    JsonNode token = body == null || !body.isObject() ? null : body.get("token");
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      throw Problems.badRequest(
          "the body is not a sign-in; send {\"token\": \"<the daemon's API token>\"} as JSON");
    }
    return token.asText().strip();
  }

  @GET
  @Operation(summary = "The signed-in page's CSRF token again (after a reload)")
  public SessionView session(@CookieParam(AccessFilter.SESSION_COOKIE) String id) {
    Optional<Sessions.Session> session = sessions.use(id);
    if (session.isEmpty()) {
      throw new ProblemException(Problem.unauthorized());
    }
    return SessionView.of(session.get());
  }

  @DELETE
  @Operation(summary = "Sign out: the session ends and its cookie is cleared")
  public Response signOut(
      @CookieParam(AccessFilter.SESSION_COOKIE) String id,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request) {
    sessions.end(id);
    return Response.noContent()
        .header(
            HttpHeaders.SET_COOKIE,
            cookie(AccessFilter.SESSION_COOKIE + "=; Max-Age=0", headers, request))
        .build();
  }

  /**
   * The cookie's attributes: no Path and no Domain (the browser scopes it to where it sees the
   * API); Secure when the browser reached the daemon over TLS, itself or through a proxy.
   */
  static String cookie(String value, HttpHeaders headers, HttpServerRequest request) {
    String forwarded = headers.getHeaderString("X-Forwarded-Proto");
    // A chain of proxies lists the schemes, the browser's first.
    boolean secure =
        request.isSSL()
            || (forwarded != null
                && forwarded.split(",")[0].strip().toLowerCase(Locale.ROOT).equals("https"));
    return value + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }
}
