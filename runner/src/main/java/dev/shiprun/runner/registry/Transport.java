package dev.shiprun.runner.registry;

import dev.shiprun.runner.registry.ProbeResult.NotChecked;
import dev.shiprun.runner.registry.ProbeResult.TlsProblem;
import dev.shiprun.runner.registry.ProbeResult.Unreachable;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One GET to a registry or its token service, within the probe's time limits. What goes wrong below
 * HTTP (no connection, TLS, time) comes back as the {@link ProbeResult} that says so, carried by
 * {@link Failure}, never as a stack trace.
 */
final class Transport {

  /** Enough for any /v2/ or token answer; more is cut off. */
  static final int MAX_BODY = 64 * 1024;

  /** An HTTP answer: status, headers, and at most {@link #MAX_BODY} bytes of body. */
  record Answer(int status, HttpHeaders headers, byte[] body) {}

  /** The end of a probe before any HTTP answer; carries no stack trace. */
  static final class Failure extends Exception {
    final ProbeResult result;

    Failure(ProbeResult result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  private final HttpClient http;
  private final Duration connectTimeout;
  private final Duration requestTimeout;

  Transport(boolean insecure, Duration connectTimeout, Duration requestTimeout) {
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    // Redirects are not followed: the JDK would send the Authorization header along, and a /v2/
    // that redirects is worth telling the user about anyway.
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout);
    if (insecure) {
      builder.sslContext(TrustAll.context());
    }
    this.http = builder.build();
  }

  /** {@code host:port}, the port filled in from the scheme: what "unreachable at" names. */
  static String address(URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }

  Answer get(URI uri, Optional<String> authorization, Redaction redaction) throws Failure {
    String address = address(uri);
    CompletableFuture<Answer> answer;
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri).GET().timeout(requestTimeout).header("User-Agent", "shiprun");
      authorization.ifPresent(value -> request.header("Authorization", value));
      answer =
          http.sendAsync(request.build(), info -> new LimitedBody(MAX_BODY))
              .thenApply(r -> new Answer(r.statusCode(), r.headers(), r.body()));
    } catch (IllegalArgumentException e) {
      throw new Failure(
          new NotChecked(
              "java's http client cannot address "
                  + redaction.clean(uri.toString())
                  + " (it takes no host name with '_')"));
    }
    try {
      // The client's own timeout ends at the headers; this one also bounds the body.
      return answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new Failure(failure(uri, address, e.getCause(), redaction));
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new Failure(new Unreachable(address, "no answer within " + seconds(requestTimeout)));
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new Failure(new Unreachable(address, "interrupted while waiting for an answer"));
    }
  }

  private ProbeResult failure(URI uri, String address, Throwable error, Redaction redaction) {
    Optional<SSLException> tls = find(error, SSLException.class);
    if (tls.isPresent()) {
      return new TlsProblem(tlsReason(address, tls.get(), redaction));
    }
    if (find(error, HttpConnectTimeoutException.class).isPresent()) {
      return new Unreachable(address, "no connection within " + seconds(connectTimeout));
    }
    if (find(error, HttpTimeoutException.class).isPresent()) {
      return new Unreachable(address, "no answer within " + seconds(requestTimeout));
    }
    if (find(error, UnresolvedAddressException.class).isPresent()
        || find(error, UnknownHostException.class).isPresent()) {
      return new Unreachable(address, "the host name does not resolve");
    }
    // The JDK's refused connection is a ConnectException without any message.
    String fallback =
        find(error, ConnectException.class).isPresent()
            ? "connection refused"
            : error.getClass().getSimpleName();
    return new Unreachable(address, reason(error, fallback, redaction));
  }

  private static String tlsReason(String address, SSLException error, Redaction redaction) {
    String why = reason(error, error.getClass().getSimpleName(), redaction);
    String lower = why.toLowerCase(Locale.ROOT);
    if (lower.contains("unrecognized ssl message") || lower.contains("plaintext")) {
      return address
          + " does not speak tls ("
          + why
          + "); if the registry is plain http, give an http:// url and pass --insecure";
    }
    boolean certificate =
        find(error, GeneralSecurityException.class).isPresent()
            || lower.contains("certificat")
            || lower.contains("subject alternative")
            || lower.contains("no name matching");
    if (certificate) {
      return "the certificate of "
          + address
          + " is not accepted: "
          + why
          + "; for a local registry with a self-signed certificate, pass --insecure";
    }
    return "the tls handshake with " + address + " failed: " + why;
  }

  /**
   * The innermost message of the chain (the JDK's outer ones are often empty), class names cut;
   * {@code fallback} when there is none.
   */
  private static String reason(Throwable error, String fallback, Redaction redaction) {
    String message = null;
    int depth = 0;
    for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    if (message == null) {
      return fallback;
    }
    String cut = message.replaceAll("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*: ", "");
    String clean = redaction.clean(cut);
    return clean.isEmpty() ? clean : Character.toLowerCase(clean.charAt(0)) + clean.substring(1);
  }

  private static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
    int depth = 0;
    for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }

  private static String seconds(Duration d) {
    return d.toSeconds() >= 1 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
