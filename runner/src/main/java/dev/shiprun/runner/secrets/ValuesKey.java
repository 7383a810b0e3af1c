package dev.shiprun.runner.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit data key of a home's encrypted values ({@code shiprun encrypt}): it seals the blobs
 * that live in YAML files, and is itself kept in the integrations file sealed by the master key. So
 * {@code rotate-key} re-wraps this one key and every blob already committed to a repository still
 * opens; a blob names the key it needs by {@link #id()}, so another home's blob is told apart from
 * a damaged one.
 *
 * <p>Blob form: {@code shiprun:v1:<key id>:<base64 of nonce ‖ ciphertext ‖ tag>}, the key id and
 * version bound as associated data.
 */
final class ValuesKey {

  static final String PREFIX = "shiprun:v1:";
  private static final int BYTES = 32;

  private final byte[] key;

  private ValuesKey(byte[] key) {
    this.key = key;
  }

  static ValuesKey generate() {
    byte[] key = new byte[BYTES];
    new SecureRandom().nextBytes(key);
    return new ValuesKey(key);
  }

  static ValuesKey decode(String base64) {
    byte[] key = Base64.getDecoder().decode(base64);
    if (key.length != BYTES) {
      throw new IllegalArgumentException("a values key is 32 bytes");
    }
    return new ValuesKey(key);
  }

  String encoded() {
    return Base64.getEncoder().encodeToString(key);
  }

  /** A digest prefix: names the key in blobs without giving it away. */
  String id() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  String seal(String pairs) {
    String id = id();
    byte[] sealed =
        SecretBox.encrypt(secretKey(), pairs.getBytes(StandardCharsets.UTF_8), associated(id));
    return PREFIX + id + ":" + Base64.getEncoder().encodeToString(sealed);
  }

  /** The text in {@code blob}, or empty when it does not open with this key. */
  Optional<String> open(Blob blob) {
    return SecretBox.decrypt(secretKey(), blob.data(), associated(blob.keyId()))
        .map(b -> new String(b, StandardCharsets.UTF_8));
  }

  private SecretKey secretKey() {
    return new SecretKeySpec(key, "AES");
  }

  private static byte[] associated(String id) {
    return ("shiprun secure value\0v1\0" + id).getBytes(StandardCharsets.UTF_8);
  }

  /** A blob taken apart: the id of the key it needs and the sealed bytes. */
  record Blob(String keyId, byte[] data) {

    /** Empty when {@code text} is not of the blob form. */
    static Optional<Blob> parse(String text) {
      String t = text.strip();
      if (!t.startsWith(PREFIX)) {
        return Optional.empty();
      }
      String rest = t.substring(PREFIX.length());
      int colon = rest.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new Blob(
                rest.substring(0, colon), Base64.getDecoder().decode(rest.substring(colon + 1))));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  @Override
  public String toString() {
    return "ValuesKey[id " + id() + "]";
  }
}
