package dev.shiprun.runner.daemon.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token of the daemon's API. {@link #toString()} is {@code ***}: no log line, record or
 * exception can print it by accident; only the one-time line of a first start calls {@link
 * #reveal()}.
 */
public final class ApiToken {

  private static final int RANDOM_BYTES = 32;

  private final byte[] value;

  private ApiToken(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("an API token cannot be empty");
    }
    this.value = value.getBytes(StandardCharsets.UTF_8);
  }

  public static ApiToken of(String value) {
    return new ApiToken(value.strip());
  }

  /** 32 random bytes, base64url without padding (43 characters, safe in a header and a shell). */
  static ApiToken random() {
    byte[] bytes = new byte[RANDOM_BYTES];
    new SecureRandom().nextBytes(bytes);
    return new ApiToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * Whether {@code presented} is this token. {@link MessageDigest#isEqual} takes the same time
   * wherever the first difference is, so timing tells an attacker nothing about a prefix.
   */
  public boolean matches(String presented) {
    return presented != null
        && MessageDigest.isEqual(value, presented.getBytes(StandardCharsets.UTF_8));
  }

  public String reveal() {
    return new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "***";
  }
}
