package dev.shiprun.masker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A secret percent-encoded as the tools that put it into a URL or a form write it (UTF-8 bytes):
 *
 * <ul>
 *   <li>{@link URLEncoder} and JavaScript's URLSearchParams: space as {@code +}, {@code * - . _}
 *       kept;
 *   <li>RFC 3986, only {@code A-Z a-z 0-9 - . _ ~} kept: with space as {@code %20} (Python's {@code
 *       quote(s, safe="")}), and as {@code application/x-www-form-urlencoded} with space as {@code
 *       +} in upper-case hex (curl's {@code --data-urlencode}, Python's {@code quote_plus} and
 *       {@code urlencode}) and in lower-case hex (curl's {@code -G --data-urlencode} and {@code
 *       --url-query});
 *   <li>also {@code /} kept (Python's {@code quote} by default);
 *   <li>also {@code ! ' ( ) *} kept (jq's {@code @uri}, JavaScript's encodeURIComponent).
 * </ul>
 *
 * For a secret of letters, digits and {@code - . _} all of them are the secret itself.
 */
final class UrlForms {

  private static final String UPPER = "0123456789ABCDEF";
  private static final String LOWER = "0123456789abcdef";
  private static final String UNRESERVED = "-._~";

  private UrlForms() {}

  static List<String> of(String secret) {
    byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
    return List.of(
        URLEncoder.encode(secret, StandardCharsets.UTF_8),
        percent(utf8, UNRESERVED, "%20", UPPER),
        percent(utf8, UNRESERVED, "+", UPPER),
        percent(utf8, UNRESERVED, "+", LOWER),
        percent(utf8, UNRESERVED + "/", "%20", UPPER),
        percent(utf8, UNRESERVED + "!'()*", "%20", UPPER));
  }

  /**
   * Letters, digits and {@code kept} as they are, a space as {@code space}, the rest {@code %XX}.
   */
  private static String percent(byte[] utf8, String kept, String space, String hex) {
    StringBuilder out = new StringBuilder(utf8.length * 3);
    for (byte b : utf8) {
      int c = b & 0xFF;
      if (c == ' ') {
        out.append(space);
      } else if (c < 0x80 && (Character.isLetterOrDigit(c) || kept.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(hex.charAt(c >> 4)).append(hex.charAt(c & 0xF));
      }
    }
    return out.toString();
  }
}
