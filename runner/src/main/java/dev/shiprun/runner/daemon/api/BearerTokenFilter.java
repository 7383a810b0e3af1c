package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.daemon.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/**
 * Every request but the health checks and providers' webhook deliveries must carry {@code
 * Authorization: Bearer <token>}; otherwise 401 with a problem JSON body.
 *
 * <p>A Vert.x filter rather than a JAX-RS {@code ContainerRequestFilter}: a JAX-RS filter sees only
 * JAX-RS endpoints, while {@code /q/metrics}, {@code /q/openapi}, an SSE route or a static page are
 * Vert.x routes that it would leave open. This filter runs before every route, so a route added
 * later is closed unless it is listed here.
 */
@ApplicationScoped
public class BearerTokenFilter {

  /** Above Quarkus's own filters that could answer a request (CORS answers pre-flights). */
  static final int PRIORITY = 20_000;

  private static final String HEALTH = "/q/health";

  /** Providers' webhooks: verified by the line's webhook secret in {@code WebhookEndpoint}. */
  private static final String WEBHOOKS = "/api/webhooks/";

  private static final String SCHEME = "bearer ";

  private final DaemonContext daemon;

  /**
   * No ObjectMapper here: this bean is made while Quarkus boots, for every command, and making the
   * ObjectMapper bean with it shows in the row "CLI start: shiprun --help" (docs/benchmarks.md,
   * "Speed tricks and the rows they serve"); {@link Problem#toJson} writes the bodies instead.
   */
  @Inject
  public BearerTokenFilter(DaemonContext daemon) {
    this.daemon = daemon;
  }

  void register(@Observes Filters filters) {
    filters.register(this::filter, PRIORITY);
  }

  void filter(RoutingContext context) {
    if (isOpen(context.request().method().name(), context.normalizedPath())) {
      context.next();
      return;
    }
    Optional<DaemonContext.Opened> opened = daemon.opened();
    if (opened.isEmpty()) {
      refuse(context, Problem.starting());
      return;
    }
    Optional<String> presented = presented(context.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (presented.isPresent() && opened.get().token().matches(presented.get())) {
      context.next();
      return;
    }
    context.response().putHeader("WWW-Authenticate", "Bearer realm=\"shiprun\"");
    refuse(context, Problem.unauthorized());
  }

  /**
   * The health checks answer anyone: a load balancer or systemd has no token. A webhook delivery
   * ({@code POST /api/webhooks/PROVIDER/LINE}, nothing else there) has no token either: its
   * endpoint refuses any that the line's webhook secret does not verify.
   */
  static boolean isOpen(String method, String normalizedPath) {
    return normalizedPath.equals(HEALTH)
        || normalizedPath.startsWith(HEALTH + "/")
        || (method.equals("POST")
            && normalizedPath.startsWith(WEBHOOKS)
            && normalizedPath.substring(WEBHOOKS.length()).split("/", -1).length == 2);
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

  private static void refuse(RoutingContext context, Problem problem) {
    context
        .response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(problem.toJson());
  }
}
