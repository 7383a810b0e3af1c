package dev.shiprun.masker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every form of a secret the masker looks for: the value, each of its lines, and what a script
 * turns it into on the way to a log without meaning to reveal it (base64, URL encoding, JSON
 * escaping, shell quoting). A form never starts or ends with a line end (a mask must not swallow
 * one), and forms shorter than {@link SecretMasker#MIN_LENGTH} are left out.
 */
final class SecretForms {

  private SecretForms() {}

  static Set<String> of(String secret) {
    String value = trimLineEnds(secret);
    List<String> forms = new ArrayList<>();
    forms.add(value);
    for (String line : value.split("\n")) {
      forms.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    forms.addAll(Base64Forms.of(utf8));
    forms.addAll(UrlForms.of(value));
    forms.addAll(JsonForms.of(value));
    forms.addAll(ShellForms.of(value));
    Set<String> out = new LinkedHashSet<>();
    for (String form : forms) {
      String trimmed = trimLineEnds(form);
      if (trimmed.codePointCount(0, trimmed.length()) >= SecretMasker.MIN_LENGTH) {
        out.add(trimmed);
      }
    }
    return out;
  }

  /** The value without line ends ({@code \r}, {@code \n}) at either end. */
  static String trimLineEnds(String value) {
    int from = 0;
    int to = value.length();
    while (from < to && isLineEnd(value.charAt(from))) {
      from++;
    }
    while (to > from && isLineEnd(value.charAt(to - 1))) {
      to--;
    }
    return value.substring(from, to);
  }

  private static boolean isLineEnd(char c) {
    return c == '\n' || c == '\r';
  }
}
