package dev.shiprun.runner.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.registry.ProbeResult.Authenticated;
import dev.shiprun.runner.registry.ProbeResult.NotARegistry;
import dev.shiprun.runner.registry.ProbeResult.NotChecked;
import dev.shiprun.runner.registry.ProbeResult.WrongCredentials;
import dev.shiprun.runner.registry.Transport.Answer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks a login against the registry's HTTP API v2 the way docker login does: {@code GET /v2/}
 * without credentials, then answers the challenge: Basic with the username and password, or Bearer
 * with a token the challenge's realm hands out for them (RFC 7235, the distribution token spec).
 * Stateless; one instance may check many logins at once.
 */
public final class RegistryProbe {

  /**
   * @param insecure allow plain http URLs and accept any TLS certificate (self-signed, expired,
   *     another host's): for a local registry, never by default
   * @param connectTimeout how long a connection may take
   * @param requestTimeout how long an answer may take, per request
   */
  public record Options(boolean insecure, Duration connectTimeout, Duration requestTimeout) {

    public static Options defaults() {
      return new Options(false, Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    public Options withInsecure(boolean insecure) {
      return new Options(insecure, connectTimeout, requestTimeout);
    }
  }

  private static final String API_VERSION_HEADER = "Docker-Distribution-API-Version";
  private static final String CHALLENGE_HEADER = "WWW-Authenticate";

  private final Options options;
  private final Transport transport;
  private final TokenRealm tokens;

  public RegistryProbe(Options options, ObjectMapper json) {
    this.options = options;
    this.transport =
        new Transport(options.insecure(), options.connectTimeout(), options.requestTimeout());
    this.tokens = new TokenRealm(transport, options.insecure(), json);
  }

  public ProbeResult probe(RegistryLogin login) {
    RegistryAddress address = RegistryAddress.parse(login.url());
    if (address.isPlainHttp() && !options.insecure()) {
      return new NotChecked(
          login.url()
              + " is plain http, which would send the password unencrypted; for a local registry"
              + " pass --insecure");
    }
    String basic = "Basic " + login.basicCredentials().reveal();
    Redaction redaction =
        new Redaction(List.of(login.password().reveal(), login.basicCredentials().reveal()));
    try {
      return check(new Attempt(login, address, basic, redaction));
    } catch (Transport.Failure failure) {
      return failure.result;
    }
  }

  /** What one check works with. */
  private record Attempt(
      RegistryLogin login, RegistryAddress address, String basic, Redaction redaction) {

    URI ping() {
      return address.apiBase().resolve("/v2/");
    }

    String registry() {
      return address.displayName();
    }
  }

  private ProbeResult check(Attempt a) throws Transport.Failure {
    URI ping = a.ping();
    Answer first = transport.get(ping, Optional.empty(), a.redaction());
    Optional<Challenge> challenge = Challenge.choose(first.headers().allValues(CHALLENGE_HEADER));
    boolean speaksV2 =
        first.headers().firstValue(API_VERSION_HEADER).isPresent() || challenge.isPresent();
    if (first.status() != 200 && first.status() != 401 || !speaksV2) {
      return new NotARegistry(unexpected(ping, first, a.redaction()));
    }
    if (first.status() == 200) {
      return new Authenticated(a.registry(), a.login().username(), false);
    }
    if (challenge.isEmpty()) {
      return new NotChecked(
          ping
              + " answered 401 without saying how to authenticate (no "
              + CHALLENGE_HEADER
              + " header)");
    }
    Challenge asked = challenge.get();
    Optional<String> credential =
        switch (asked.scheme()) {
          case "basic" -> Optional.of(a.basic());
          case "bearer" ->
              tokens
                  .token(asked, a.basic(), a.registry(), a.redaction())
                  .map(token -> "Bearer " + token);
          default ->
              throw new Transport.Failure(
                  new NotChecked(
                      a.registry()
                          + " asks for '"
                          + a.redaction().clean(asked.scheme())
                          + "' authentication; shiprun knows basic and bearer tokens"));
        };
    if (credential.isEmpty()) {
      return new WrongCredentials(a.registry(), a.login().username());
    }
    // The part after the scheme: the base64 pair is already hidden, a token not yet.
    String secretPart = credential.get().substring(credential.get().indexOf(' ') + 1);
    Answer second = transport.get(ping, credential, a.redaction().with(secretPart));
    return switch (second.status()) {
      case 200 -> new Authenticated(a.registry(), a.login().username(), true);
      case 401, 403 -> new WrongCredentials(a.registry(), a.login().username());
      default ->
          new NotARegistry(
              ping + " answered " + second.status() + " to the credentials, not 200 or 401");
    };
  }

  private static String unexpected(URI ping, Answer answer, Redaction redaction) {
    if (answer.status() >= 300 && answer.status() < 400) {
      String to = answer.headers().firstValue("Location").map(redaction::clean).orElse("nowhere");
      return ping
          + " answered "
          + answer.status()
          + ", a redirect to "
          + to
          + "; check the integration's url";
    }
    if (answer.status() == 200 || answer.status() == 401) {
      return ping
          + " answered "
          + answer.status()
          + " but not as a registry's api v2 does (no "
          + API_VERSION_HEADER
          + " header, no authentication challenge); check the integration's url";
    }
    return ping + " answered " + answer.status() + "; check the integration's url";
  }
}
