package dev.shiprun.runner.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.registry.ProbeResult.NotARegistry;
import dev.shiprun.runner.registry.ProbeResult.NotChecked;
import dev.shiprun.runner.registry.Transport.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The token service a registry's Bearer challenge names (the distribution token spec): {@code GET
 * <realm>?service=…[&scope=…]} with the username and password as Basic credentials, answered with
 * {@code {"token": …}} (or {@code access_token}).
 */
final class TokenRealm {

  private final Transport transport;
  private final boolean insecure;
  private final ObjectMapper json;

  TokenRealm(Transport transport, boolean insecure, ObjectMapper json) {
    this.transport = transport;
    this.insecure = insecure;
    this.json = json;
  }

  /**
   * A token for the credentials in {@code basic} (a whole Basic header value), empty when the realm
   * refuses them.
   *
   * @param registry how messages name the registry
   * @throws Transport.Failure when the realm cannot be asked or answers unlike a token service
   */
  Optional<String> token(Challenge challenge, String basic, String registry, Redaction redaction)
      throws Transport.Failure {
    Optional<URI> realm = challenge.param("realm").flatMap(TokenRealm::absoluteHttp);
    if (realm.isEmpty()) {
      throw new Transport.Failure(
          new NotARegistry(
              registry + " asks for a bearer token but names no http(s) realm to get it from"));
    }
    String shown = redaction.clean(withoutQuery(realm.get()));
    if (realm.get().getScheme().equalsIgnoreCase("http") && !insecure) {
      throw new Transport.Failure(
          new NotChecked(
              "the token service "
                  + shown
                  + " is plain http, which would send the password unencrypted; for a local"
                  + " registry pass --insecure"));
    }
    Answer answer = transport.get(withQuery(realm.get(), challenge), Optional.of(basic), redaction);
    if (answer.status() == 401 || answer.status() == 403) {
      return Optional.empty();
    }
    if (answer.status() != 200) {
      throw new Transport.Failure(
          new NotARegistry("the token service " + shown + " answered " + answer.status()));
    }
    Optional<String> token = tokenIn(answer.body());
    if (token.isEmpty()) {
      throw new Transport.Failure(
          new NotARegistry("the token service " + shown + " answered without a token"));
    }
    return token;
  }

  /** {@code token}, or {@code access_token} (the OAuth 2 spelling; the spec allows either). */
  private Optional<String> tokenIn(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      for (String field : List.of("token", "access_token")) {
        JsonNode value = node == null ? null : node.get(field);
        if (value != null && value.isTextual() && !value.asText().isEmpty()) {
          return Optional.of(value.asText());
        }
      }
    } catch (IOException notJson) {
      // no token: the caller says so
    }
    return Optional.empty();
  }

  /** The realm with the challenge's {@code service} and {@code scope} added to its query. */
  private static URI withQuery(URI realm, Challenge challenge) {
    StringBuilder query = new StringBuilder();
    for (String name : List.of("service", "scope")) {
      challenge
          .param(name)
          .ifPresent(
              value ->
                  query
                      .append(query.length() == 0 ? "" : "&")
                      .append(name)
                      .append('=')
                      .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    }
    if (query.length() == 0) {
      return realm;
    }
    return URI.create(realm + (realm.getRawQuery() == null ? "?" : "&") + query);
  }

  private static Optional<URI> absoluteHttp(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean http = scheme.equals("http") || scheme.equals("https");
      return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The realm for messages: the query is the server's business. */
  private static String withoutQuery(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getRawAuthority()
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }
}
