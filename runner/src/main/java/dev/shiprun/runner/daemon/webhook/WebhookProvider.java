package dev.shiprun.runner.daemon.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A provider whose webhooks the daemon takes: how it proves a delivery (GitHub and Bitbucket sign
 * the raw body with HMAC-SHA256, GitLab sends the secret itself), which header names the delivery
 * and the event, and how its payload reads. Headers are looked up by name, case-insensitively.
 */
public enum WebhookProvider {
  GITHUB("github", "X-GitHub-Event") {
    @Override
    boolean verifies(byte[] secret, UnaryOperator<String> headers, byte[] body) {
      return signed(secret, headers.apply("X-Hub-Signature-256"), body);
    }

    @Override
    Optional<String> deliveryId(UnaryOperator<String> headers) {
      return present(headers.apply("X-GitHub-Delivery"));
    }

    @Override
    WebhookEvent event(String name, JsonNode body) {
      return GitHubPayload.event(name, body);
    }
  },
  GITLAB("gitlab", "X-Gitlab-Event") {
    @Override
    boolean verifies(byte[] secret, UnaryOperator<String> headers, byte[] body) {
      String token = headers.apply("X-Gitlab-Token");
      return token != null && MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    Optional<String> deliveryId(UnaryOperator<String> headers) {
      return present(headers.apply("X-Gitlab-Event-UUID"))
          .or(() -> present(headers.apply("Idempotency-Key")));
    }

    @Override
    WebhookEvent event(String name, JsonNode body) {
      return GitLabPayload.event(name, body);
    }
  },
  BITBUCKET("bitbucket", "X-Event-Key") {
    @Override
    boolean verifies(byte[] secret, UnaryOperator<String> headers, byte[] body) {
      return signed(secret, headers.apply("X-Hub-Signature"), body);
    }

    @Override
    Optional<String> deliveryId(UnaryOperator<String> headers) {
      return present(headers.apply("X-Request-UUID"));
    }

    @Override
    WebhookEvent event(String name, JsonNode body) {
      return BitbucketPayload.event(name, body);
    }
  };

  private static final String SHA256 = "sha256=";

  private final String wire;
  private final String eventHeader;

  WebhookProvider(String wire, String eventHeader) {
    this.wire = wire;
    this.eventHeader = eventHeader;
  }

  /** Its name in the URL: github, gitlab, bitbucket. */
  public String wire() {
    return wire;
  }

  public static Optional<WebhookProvider> of(String name) {
    for (WebhookProvider p : values()) {
      if (p.wire.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Whether the delivery proves it knows {@code secret} (compared in constant time). */
  abstract boolean verifies(byte[] secret, UnaryOperator<String> headers, byte[] body);

  /** The provider's id of this delivery, when it sends one. */
  abstract Optional<String> deliveryId(UnaryOperator<String> headers);

  abstract WebhookEvent event(String name, JsonNode body);

  /** The event's name from its header, empty when missing. */
  String eventName(UnaryOperator<String> headers) {
    String name = headers.apply(eventHeader);
    return name == null ? "" : name.strip();
  }

  /** Whether {@code header} is {@code sha256=<hex HMAC-SHA256 of body with secret>}. */
  static boolean signed(byte[] secret, String header, byte[] body) {
    if (header == null || !header.regionMatches(true, 0, SHA256, 0, SHA256.length())) {
      return false;
    }
    byte[] given =
        header
            .substring(SHA256.length())
            .strip()
            .toLowerCase(Locale.ROOT)
            .getBytes(StandardCharsets.US_ASCII);
    byte[] expected = hmac(secret, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  /** The hex HMAC-SHA256 of {@code body} with {@code secret}. */
  static String hmac(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static Optional<String> present(String header) {
    return header == null || header.isBlank() ? Optional.empty() : Optional.of(header.strip());
  }
}
