package dev.shiprun.runner.daemon;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An error as the API returns it: a problem JSON body (RFC 9457, {@code application/problem+json}).
 * {@code type} names the kind of problem ({@code urn:shiprun:problem:<kind>}: a name, not a page to
 * fetch), {@code detail} says what to do; never a stack trace, a secret or the token.
 */
@RegisterForReflection // Jackson reads or writes it; a native image needs it declared
public record Problem(String type, String title, int status, String detail) {

  private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPES = "urn:shiprun:problem:";

  public static Problem of(String kind, String title, int status, String detail) {
    return new Problem(TYPES + kind, title, status, detail);
  }

  /**
   * The JSON text, written without an ObjectMapper for the token filter (JAX-RS endpoints return
   * the record and let Jackson write it; both give the same bytes, which AccessFilterTest checks
   * against Jackson).
   */
  public String toJson() {
    return "{\"type\":"
        + quoted(type)
        + ",\"title\":"
        + quoted(title)
        + ",\"status\":"
        + status
        + ",\"detail\":"
        + quoted(detail)
        + "}";
  }

  private static String quoted(String text) {
    return "\"" + new String(ENCODER.quoteAsString(text)) + "\"";
  }

  public static Problem unauthorized() {
    return of(
        "unauthorized",
        "Unauthorized",
        401,
        "send the daemon's API token as 'Authorization: Bearer <token>'; it is in <home>/api-token"
            + " or in SHIPRUN_API_TOKEN where the daemon started");
  }

  /** A request of a signed-in page that changes something, without the session's CSRF token. */
  public static Problem csrf() {
    return of(
        "csrf",
        "Forbidden",
        403,
        "this request changes something and came with the session cookie but without its CSRF"
            + " token; send the X-CSRF-Token header the sign-in answer gave");
  }

  public static Problem starting() {
    return of(
        "starting", "Service Unavailable", 503, "the daemon is still starting; try again shortly");
  }

  public static Problem internal() {
    return of(
        "internal",
        "Internal Server Error",
        500,
        "the daemon failed to answer this request; its log on stderr says why");
  }
}
