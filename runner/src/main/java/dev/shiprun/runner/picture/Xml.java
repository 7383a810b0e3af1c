package dev.shiprun.runner.picture;

/** Text made safe for XML, in element text and in double-quoted attributes alike. */
final class Xml {

  private Xml() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            out.append('\uFFFD'); // not allowed in XML 1.0, even escaped
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
