package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.daemon.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses an API path whose names would not come back as they were sent (400 {@code invalid-name}),
 * before JAX-RS reads it: JAX-RS drops a {@code ;b} as a matrix parameter, decodes {@code %2F} and
 * {@code %3B}, and HTTP stacks fold {@code ..} and a trailing {@code /}, so {@code PUT
 * /api/lines/a;b} would store a line named {@code a}. The path is checked as sent (raw): a line or
 * integration name as {@link Names} says, with nothing encoded; any other segment (a job or
 * resource name, a run id) not empty, not {@code .} or {@code ..}, with no {@code ;} and nothing
 * encoded that is a separator. Runs after the token check, so a client without the token learns
 * nothing about names.
 */
@ApplicationScoped
public class PathNameFilter {

  /** Below {@link AccessFilter#PRIORITY}: Quarkus runs higher priorities first. */
  static final int PRIORITY = AccessFilter.PRIORITY - 100;

  private static final String API = "/api/";

  /** The collections whose next segment is a name the daemon keeps, and what it names. */
  private static final List<List<String>> NAMED =
      List.of(
          List.of("lines", "line"),
          List.of("integrations", "integration"),
          List.of("resources", "line"));

  private static final Set<String> SEPARATORS = Set.of("/", "\\", ";");

  void register(@Observes Filters filters) {
    filters.register(this::filter, PRIORITY);
  }

  void filter(RoutingContext context) {
    Optional<Problem> problem = problem(context.request().path());
    if (problem.isEmpty()) {
      context.next();
      return;
    }
    context
        .response()
        .setStatusCode(problem.get().status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(problem.get().toJson());
  }

  /** Why the raw path {@code path} is refused; empty when its names come back as sent. */
  static Optional<Problem> problem(String path) {
    if (path == null || !path.startsWith(API)) {
      return Optional.empty();
    }
    String[] segments = path.substring(1).split("/", -1);
    if (segments[segments.length - 1].isEmpty()) {
      return Optional.of(
          invalid(
              "the path "
                  + shown(path)
                  + " ends in '/'; send it without the final '/', as the API gives it"));
    }
    for (int i = 1; i < segments.length; i++) {
      String segment = segments[i];
      String what = i == 2 ? named(segments[1]) : null;
      if (what != null) {
        if (!Names.isName(segment)) {
          return Optional.of(
              invalid(
                  "'"
                      + shown(segment)
                      + "' is not a usable "
                      + what
                      + " name as sent: "
                      + Names.RULE
                      + "; send it as it is, nothing percent-encoded, no ';' or '/'"));
        }
      } else if (!isPlain(segment)) {
        return Optional.of(
            invalid(
                "the path "
                    + shown(path)
                    + " has a segment '"
                    + shown(segment)
                    + "' the API would not give back as sent (empty, '.', '..', a ';' or an"
                    + " encoded '/', '\\\\' or ';'); send the names as the API gives them"));
      }
    }
    return Optional.empty();
  }

  private static String named(String collection) {
    return NAMED.stream()
        .filter(n -> n.get(0).equals(collection))
        .map(n -> n.get(1))
        .findFirst()
        .orElse(null);
  }

  private static boolean isPlain(String segment) {
    if (segment.isEmpty() || segment.contains(";")) {
      return false;
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      return false;
    }
    return !decoded.equals(".")
        && !decoded.equals("..")
        && SEPARATORS.stream().noneMatch(decoded::contains)
        && decoded.chars().noneMatch(Character::isISOControl);
  }

  /** A path or segment as a message may quote it: at most 80 characters, no control characters. */
  private static String shown(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  private static Problem invalid(String detail) {
    return Problem.of("invalid-name", "Bad Request", 400, detail);
  }
}
