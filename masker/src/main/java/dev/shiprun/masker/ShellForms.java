package dev.shiprun.masker;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A secret as shell quoting writes it, without the outer quotes (the secret may be part of a longer
 * quoted word): bash's {@code printf %q}, which backslash-escapes special chars ({@code \$}), or,
 * when the word holds a char that is not printable, quotes it ANSI-C style ({@code $'…'}) with
 * escapes and octal bytes (in the C locale every non-ASCII byte is one, in a UTF-8 locale only
 * non-printable chars are); single-quoted ({@code ${v@Q}}), a {@code '} written as {@code '\''}
 * (bash's {@code ${v@Q}} and {@code set -x}) or {@code '"'"'} (Python's shlex.quote); and
 * double-quoted as {@code declare -p} and {@code export -p} write a printable value, a backslash
 * before each of {@code \ " $ `}.
 *
 * <p>Only the first char's escape depends on where the secret sits in the word: {@code printf %q}
 * escapes a {@code #} that starts the word, and a {@code ~} that starts it or follows {@code =} or
 * {@code :}, so a secret starting with either has a form with and one without that backslash.
 */
final class ShellForms {

  /**
   * What {@code printf %q} escapes with a backslash anywhere; also {@code #} first in the word, and
   * {@code ~} first or after {@code =} or {@code :}.
   */
  private static final String SPECIAL = " !\"$&'()*,;<>?[\\]^`{|}";

  private ShellForms() {}

  static List<String> of(String secret) {
    return List.of(
        backslashed(secret, true),
        backslashed(secret, false),
        ansiC(secret, Ctype.UTF8),
        ansiC(secret, Ctype.UTF8_NEWER),
        ansiC(secret, Ctype.C),
        secret.replace("'", "'\\''"),
        secret.replace("'", "'\"'\"'"),
        doubleQuoted(secret));
  }

  /** The inside of bash's {@code "…"} for {@code declare -p}: {@code \ " $ `} escaped. */
  private static String doubleQuoted(String secret) {
    StringBuilder out = new StringBuilder(secret.length() + 8);
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (c == '\\' || c == '"' || c == '$' || c == '`') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * {@code printf %q} of a printable word; {@code escapeFirst}: the secret's first char is a {@code
   * #} or {@code ~} that its place in the word makes special.
   */
  private static String backslashed(String secret, boolean escapeFirst) {
    StringBuilder out = new StringBuilder(secret.length() + 8);
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      boolean special =
          i == 0
              ? escapeFirst && (c == '#' || c == '~')
              : c == '~' && (secret.charAt(i - 1) == '=' || secret.charAt(i - 1) == ':');
      if (special || SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * How bash's locale (its LC_CTYPE) tells a printable char: the C locale knows ASCII only; a UTF-8
   * locale knows the Unicode version of the C library, which may be newer than the JDK's, so a char
   * the JDK has unassigned may be printable there ({@code UTF8_NEWER}) or not ({@code UTF8}).
   */
  private enum Ctype {
    C,
    UTF8,
    UTF8_NEWER
  }

  /** The inside of {@code $'…'}, as bash writes it in {@code locale}. */
  private static String ansiC(String secret, Ctype locale) {
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
          if (cp < 0x7F ? cp >= 0x20 : locale != Ctype.C && printable(cp, locale)) {
            out.appendCodePoint(cp);
          } else {
            octal(cp, out);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean printable(int cp, Ctype locale) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE ->
          false;
      case Character.UNASSIGNED -> locale == Ctype.UTF8_NEWER;
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
