package dev.shiprun.model.mask;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A secret as shell quoting writes it, without the outer quotes (the secret may be part of a longer
 * quoted word): bash's {@code printf %q}, which backslash-escapes special chars ({@code \$}), or,
 * when the word holds a char that is not printable, quotes it ANSI-C style ({@code $'…'}) with
 * escapes and octal bytes (in the C locale every non-ASCII byte is one, in a UTF-8 locale only
 * non-printable chars are); and single-quoted, a {@code '} written as {@code '\''} (bash {@code set
 * -x}) or {@code '"'"'} (Python's shlex.quote).
 */
final class ShellForms {

  /** What {@code printf %q} escapes with a backslash; {@code #} and {@code ~} only first. */
  private static final String SPECIAL = " !\"$&'()*,;<>?[\\]^`{|}";

  private ShellForms() {}

  static List<String> of(String secret) {
    return List.of(
        backslashed(secret, true),
        backslashed(secret, false),
        ansiC(secret, true),
        ansiC(secret, false),
        secret.replace("'", "'\\''"),
        secret.replace("'", "'\"'\"'"));
  }

  /** {@code printf %q} of a printable word; {@code wordStart}: the secret begins the word. */
  private static String backslashed(String secret, boolean wordStart) {
    StringBuilder out = new StringBuilder(secret.length() + 8);
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (SPECIAL.indexOf(c) >= 0 || (wordStart && i == 0 && (c == '#' || c == '~'))) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The inside of {@code $'…'}, as bash writes it in a UTF-8 locale or in the C locale. */
  private static String ansiC(String secret, boolean utf8Locale) {
    StringBuilder out = new StringBuilder(secret.length() + 8);
    for (int i = 0; i < secret.length(); ) {
      int cp = secret.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case 0x07 -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case 0x0B -> out.append("\\v");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        case 0x1B -> out.append("\\E");
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        default -> {
          if (cp < 0x7F ? cp >= 0x20 : utf8Locale && printable(cp)) {
            out.appendCodePoint(cp);
          } else {
            octal(cp, out);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean printable(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.UNASSIGNED,
          Character.SURROGATE ->
          false;
      default -> true;
    };
  }

  private static void octal(int cp, StringBuilder out) {
    for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
      int v = b & 0xFF;
      out.append('\\').append((char) ('0' + (v >> 6))).append((char) ('0' + ((v >> 3) & 7)));
      out.append((char) ('0' + (v & 7)));
    }
  }
}
