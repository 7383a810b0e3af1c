package dev.shiprun.model.mask;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A secret percent-encoded as in a URL or a form: as {@link URLEncoder} writes it (space as {@code
 * +}, {@code *} kept), and as RFC 3986 has it (only {@code A-Z a-z 0-9 - . _ ~} kept, space as
 * {@code %20}), the way most tools encode a user or password that goes into a URL.
 */
final class UrlForms {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlForms() {}

  static List<String> of(String secret) {
    return List.of(URLEncoder.encode(secret, StandardCharsets.UTF_8), rfc3986(secret));
  }

  private static String rfc3986(String secret) {
    StringBuilder out = new StringBuilder();
    for (byte b : secret.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c < 0x80 && isUnreserved((char) c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
