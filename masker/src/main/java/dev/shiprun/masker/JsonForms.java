package dev.shiprun.masker;

import java.util.List;

/**
 * A secret inside a JSON string, without the quotes: as Jackson writes it ({@code "} and {@code \}
 * escaped, {@code \b \t \n \f \r} short, other control chars as {@code \}{@code u00XX}, the rest as
 * is), and ASCII-only as Python's json.dumps writes it by default (also DEL and every non-ASCII
 * char as a lower-case {@code \}{@code uXXXX}, a char beyond the BMP as its two surrogates).
 */
final class JsonForms {

  private static final String UPPER = "0123456789ABCDEF";
  private static final String LOWER = "0123456789abcdef";

  private JsonForms() {}

  static List<String> of(String secret) {
    return List.of(escape(secret, false), escape(secret, true));
  }

  private static String escape(String secret, boolean asciiOnly) {
    StringBuilder out = new StringBuilder(secret.length() + 8);
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || (asciiOnly && c > 0x7E)) {
            String hex = asciiOnly ? LOWER : UPPER;
            out.append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4) {
              out.append(hex.charAt((c >> shift) & 0xF));
            }
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
