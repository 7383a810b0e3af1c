package dev.shiprun.runner.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
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
  private final SecureRandom random = new SecureRandom();

  SecretBox(MasterKey key) {
    this.key = key;
  }

  String seal(String plain, String associated) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK: " + e.getMessage());
    }
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
    if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
      throw damaged(what);
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.DECRYPT_MODE,
          key.secretKey(),
          new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      c.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
      byte[] plain = c.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw damaged(what);
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
