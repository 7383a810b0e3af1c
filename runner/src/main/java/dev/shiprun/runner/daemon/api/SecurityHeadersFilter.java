package dev.shiprun.runner.daemon.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The browser's rules for everything the daemon sends, the web page and every API answer alike: no
 * script but the page's own files, no framing, no guessing of content types, no referrer leaving.
 * Set before any other filter runs, so a refusal carries them too.
 */
@ApplicationScoped
public class SecurityHeadersFilter {

  static final int PRIORITY = AccessFilter.PRIORITY + 100;

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " frame-ancestors 'none'";

  void register(@Observes Filters filters) {
    filters.register(SecurityHeadersFilter::filter, PRIORITY);
  }

  static void filter(RoutingContext context) {
    HttpServerResponse response = context.response();
    response
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY");
    context.next();
  }
}
