package dev.shiprun.masker;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A secret's bytes in base64, standard and URL-safe, as they appear inside a longer base64 text:
 * the secret may start at any of the three byte positions of a 3-byte group (as the password does
 * in the base64 of {@code user:password} of a registry's {@code auth}), and each position gives
 * other chars. For each, the forms are the chars that the secret's bytes alone decide (a char
 * carries 6 bits; one that takes bits from a neighbouring byte is left out), and, for the case the
 * secret ends the encoded text, those chars through the end with and without padding.
 */
final class Base64Forms {

  private static final List<Base64.Encoder> ENCODERS =
      List.of(Base64.getEncoder(), Base64.getUrlEncoder());

  private Base64Forms() {}

  static List<String> of(byte[] secret) {
    List<String> out = new ArrayList<>();
    for (int offset = 0; offset < 3; offset++) {
      byte[] shifted = new byte[offset + secret.length];
      System.arraycopy(secret, 0, shifted, offset, secret.length);
      // The first char all of whose 6 bits come from the secret, and the first one after the
      // secret's bits that does not.
      int first = (offset * 8 + 5) / 6;
      int end = shifted.length * 8 / 6;
      for (Base64.Encoder encoder : ENCODERS) {
        String padded = encoder.encodeToString(shifted);
        out.add(padded.substring(first, end));
        out.add(padded.substring(first));
        out.add(trimPadding(padded).substring(first));
      }
    }
    return out;
  }

  private static String trimPadding(String encoded) {
    int end = encoded.length();
    while (end > 0 && encoded.charAt(end - 1) == '=') {
      end--;
    }
    return encoded.substring(0, end);
  }
}
