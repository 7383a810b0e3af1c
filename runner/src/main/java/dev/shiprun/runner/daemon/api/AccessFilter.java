package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.daemon.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may ask the daemon anything: a request carries {@code Authorization: Bearer <token>}, or the
 * web page's session cookie (then every method that changes something also carries the session's
 * {@code X-CSRF-Token}); otherwise 401 (403 for a missing or wrong CSRF token) with a problem JSON
 * body. The health checks, providers' webhook deliveries, the sign-in itself and the static page
 * (which holds no data) are open.
 *
 * <p>A Vert.x filter rather than a JAX-RS {@code ContainerRequestFilter}: a JAX-RS filter sees only
 * JAX-RS endpoints, while {@code /q/metrics}, {@code /q/openapi}, an SSE route or a static page are
 * Vert.x routes that it would leave open. This filter runs before every route, so a route added
 * later is closed unless it is listed here.
 */
@ApplicationScoped
public class AccessFilter {

  /** Above Quarkus's own filters that could answer a request (CORS answers pre-flights). */
  static final int PRIORITY = 20_000;

  static final String SESSION_COOKIE = "shiprun_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String SIGN_IN = "/api/session";

  private static final String HEALTH = "/q/health";

  /** Providers' webhooks: verified by the line's webhook secret in {@code WebhookEndpoint}. */
  private static final String WEBHOOKS = "/api/webhooks/";

  /** The web page's files: HTML, CSS and JavaScript, the same for everyone. */
  private static final Set<String> PAGE = Set.of("/", "/index.html");

  private static final String PAGE_FILES = "/ui/";

  /** Methods that change nothing, so a session needs no CSRF token for them. */
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private static final String SCHEME = "bearer ";

  private final DaemonContext daemon;
  private final Sessions sessions;

  /**
   * No ObjectMapper here: this bean is made while Quarkus boots, for every command, and making the
   * ObjectMapper bean with it shows in the row "CLI start: shiprun --help" (docs/benchmarks.md,
   * "Speed tricks and the rows they serve"); {@link Problem#toJson} writes the bodies instead.
   */
  @Inject
  public AccessFilter(DaemonContext daemon, Sessions sessions) {
    this.daemon = daemon;
    this.sessions = sessions;
  }

  void register(@Observes Filters filters) {
    filters.register(this::filter, PRIORITY);
  }

  void filter(RoutingContext context) {
    String method = context.request().method().name();
    if (isOpen(method, context.normalizedPath())) {
      context.next();
      return;
    }
    Optional<DaemonContext.Opened> opened = daemon.opened();
    if (opened.isEmpty()) {
      refuse(context, Problem.starting());
      return;
    }
    Optional<String> presented = presented(context.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (presented.isPresent()) {
      if (opened.get().token().matches(presented.get())) {
        context.next();
      } else {
        unauthorized(context);
      }
      return;
    }
    Cookie cookie = context.request().getCookie(SESSION_COOKIE);
    Optional<Sessions.Session> session =
        cookie == null ? Optional.empty() : sessions.use(cookie.getValue());
    if (session.isEmpty()) {
      unauthorized(context);
    } else if (SAFE.contains(method)
        || Sessions.csrfMatches(session.get(), context.request().getHeader(CSRF_HEADER))) {
      context.next();
    } else {
      refuse(context, Problem.csrf());
    }
  }

  /**
   * The health checks answer anyone: a load balancer or systemd has no token. A webhook delivery
   * ({@code POST /api/webhooks/PROVIDER/LINE}, nothing else there) has no token either: its
   * endpoint refuses any that the line's webhook secret does not verify. The sign-in ({@code POST
   * /api/session}) checks the token in its body. The page's files are the same for everyone.
   */
  static boolean isOpen(String method, String normalizedPath) {
    return normalizedPath.equals(HEALTH)
        || normalizedPath.startsWith(HEALTH + "/")
        || (method.equals("POST")
            && normalizedPath.startsWith(WEBHOOKS)
            && normalizedPath.substring(WEBHOOKS.length()).split("/", -1).length == 2)
        || (method.equals("POST") && normalizedPath.equals(SIGN_IN))
        || ((method.equals("GET") || method.equals("HEAD"))
            && (PAGE.contains(normalizedPath) || normalizedPath.startsWith(PAGE_FILES)));
  }

  /** The token of an {@code Authorization} header of the Bearer scheme (case-insensitive). */
  static Optional<String> presented(String header) {
    if (header == null || header.length() <= SCHEME.length()) {
      return Optional.empty();
    }
    if (!header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return Optional.empty();
    }
    String token = header.substring(SCHEME.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private static void unauthorized(RoutingContext context) {
    context.response().putHeader("WWW-Authenticate", "Bearer realm=\"shiprun\"");
    refuse(context, Problem.unauthorized());
  }

  private static void refuse(RoutingContext context, Problem problem) {
    context
        .response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(problem.toJson());
  }
}
