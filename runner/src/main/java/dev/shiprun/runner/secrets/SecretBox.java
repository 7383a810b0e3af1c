package dev.shiprun.runner.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM from the JDK: each value sealed with a fresh 96-bit nonce and bound to what it
 * belongs to (associated data: integration, field), so a value copied to another integration or
 * field does not open. Sealed form: base64 of nonce ‖ ciphertext ‖ 128-bit tag.
 */
final class SecretBox {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final MasterKey key;

  SecretBox(MasterKey key) {
    this.key = key;
  }

  String seal(String plain, String associated) {
    return Base64.getEncoder()
        .encodeToString(
            encrypt(
                key.secretKey(),
                plain.getBytes(StandardCharsets.UTF_8),
                associated.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The plain text, or an error naming {@code what} when the value does not open: another key,
   * another integration or field, or damaged data.
   */
  String open(String sealed, String associated, String what) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sealed);
    } catch (IllegalArgumentException e) {
      throw damaged(what);
    }
    return decrypt(key.secretKey(), bytes, associated.getBytes(StandardCharsets.UTF_8))
        .map(plain -> new String(plain, StandardCharsets.UTF_8))
        .orElseThrow(() -> damaged(what));
  }

  /** nonce ‖ ciphertext ‖ tag of {@code plain} under {@code key}, bound to {@code associated}. */
  static byte[] encrypt(SecretKey key, byte[] plain, byte[] associated) {
    byte[] nonce = new byte[NONCE_BYTES];
    new SecureRandom().nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(associated);
      byte[] sealed = c.doFinal(plain);
      return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK: " + e.getMessage());
    }
  }

  /** The plain bytes of what {@link #encrypt} made; empty when it does not open. */
  static Optional<byte[]> decrypt(SecretKey key, byte[] bytes, byte[] associated) {
    if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
      return Optional.empty();
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      c.updateAAD(associated);
      return Optional.of(c.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK: " + e.getMessage());
    }
  }

  private IntegrationStoreException damaged(String what) {
    return new IntegrationStoreException(
        what
            + " does not decrypt with the master key from "
            + key.source()
            + ": the store was changed by hand or belongs to another key; add the integration"
            + " again");
  }
}
