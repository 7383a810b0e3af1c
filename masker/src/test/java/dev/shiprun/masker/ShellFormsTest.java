package dev.shiprun.masker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret as the real bash quotes it, with {@code printf %q}, {@code ${v@Q}} and {@code declare
 * -p}, in the C and a UTF-8 locale: every ASCII char and some multi-byte ones, at every place in
 * the secret (first, middle, after {@code =}, after {@code :}, last), the secret at every place in
 * a longer word (starting it, after a letter, after {@code =} or {@code :}, in a word quoted {@code
 * $'…'} for a tab before it), is masked whole, and nothing around it is.
 */
class ShellFormsTest {

  /** The words the secret sits in: before it, after it; plain chars bash writes as they are. */
  private static final List<String> BEFORE = List.of("", "x", "x=", "x:", "\tx");

  private static final List<String> AFTER = List.of("", "y");

  /** Non-ASCII chars: printable ones, C1 controls, separators, format chars, private use. */
  private static final List<String> WIDE =
      List.of(
          "ä",
          "中",
          "😀",
          "\u00a0",
          "\u0085",
          "\u2028",
          "\u00ad",
          "\u200b",
          "\ufeff",
          "\ue000",
          // assigned in newer Unicode than some JDKs know (glibc may call it printable), unassigned
          "\u0870",
          "\u0378");

  @TempDir Path dir;

  @Test
  void masksEveryCharAtEveryPlaceAsBashQuotesIt() throws Exception {
    List<String> secrets =
        new ArrayList<>(
            List.of(
                "pass=~word1",
                "pass:~word1",
                "#~made=~:~up",
                "fake pä$$:w0rd/+?\"'\\~*",
                "two words & more;",
                "line\nbreak",
                "esc\u001b\u0007\u007f",
                "中文密码示例",
                "emoji😀pass"));
    for (int c = 1; c < 0x80; c++) {
      secrets.addAll(placed(String.valueOf((char) c)));
    }
    for (String wide : WIDE) {
      secrets.addAll(placed(wide));
      // beside a char that $'…' writes otherwise than printf's backslashes or single quotes do
      secrets.add("ma" + wide + "\u0001de'1");
    }
    List<String> words = new ArrayList<>();
    for (String secret : secrets) {
      for (String before : BEFORE) {
        for (String after : AFTER) {
          words.add(before + secret + after);
        }
      }
    }
    Map<String, SecretMasker> maskers = new HashMap<>();
    List<String> wrong = new ArrayList<>();
    for (String locale : List.of("C", "C.UTF-8")) {
      List<String> quoted = bashQuotes(locale, words);
      int i = 0;
      for (String secret : secrets) {
        SecretMasker masker = maskers.computeIfAbsent(secret, s -> new SecretMasker(List.of(s)));
        for (String before : BEFORE) {
          for (String after : AFTER) {
            for (String how : List.of("printf %q", "${v@Q}", "declare -p")) {
              String out = quoted.get(i++);
              String masked = masker.mask(out);
              if (!masked.equals(expected(out, before, after))) {
                wrong.add(
                    how
                        + " in "
                        + locale
                        + " of "
                        + visible(before + secret + after)
                        + ": "
                        + visible(masked));
              }
            }
          }
        }
      }
    }
    assertEquals(List.of(), wrong.subList(0, Math.min(wrong.size(), 20)), wrong.size() + " wrong");
  }

  /** {@code c} first, in the middle, after {@code =}, after {@code :}, and last in a secret. */
  private static List<String> placed(String c) {
    List<String> out = new ArrayList<>(List.of("ma" + c + "de1", "ma=" + c + "de1"));
    out.add("ma:" + c + "de1");
    if (!c.equals("\n") && !c.equals("\r")) { // a secret's line ends at either end are not its
      out.add(c + "made1");
      out.add("made1" + c);
    }
    return out;
  }

  /**
   * The quoted word with the secret's part masked: the text around it is plain, so bash writes it
   * as it is (a tab as {@code \t} in {@code $'…'}) inside the same quotes as the whole word.
   */
  private static String expected(String quoted, String before, String after) {
    String open =
        quoted.startsWith("$'")
            ? "$'"
            : quoted.startsWith("'") ? "'" : quoted.startsWith("\"") ? "\"" : "";
    String close = open.isEmpty() ? "" : open.substring(open.length() - 1);
    return open + before.replace("\t", "\\t") + SecretMasker.MASK + after + close;
  }

  /**
   * Each word as {@code printf %q}, {@code ${v@Q}} and {@code declare -p} (without its {@code
   * declare -- v=}) write it, in {@code locale}.
   */
  private List<String> bashQuotes(String locale, List<String> words)
      throws IOException, InterruptedException {
    Path in = dir.resolve("words");
    Files.write(in, String.join("\0", words).concat("\0").getBytes(StandardCharsets.UTF_8));
    ProcessBuilder builder =
        new ProcessBuilder(
            "bash",
            "-c",
            "while IFS= read -r -d '' v; do printf '%q\\0' \"$v\"; printf '%s\\0' \"${v@Q}\";"
                + " d=$(declare -p v); printf '%s\\0' \"${d#declare -- v=}\"; done");
    builder.environment().put("LC_ALL", locale);
    builder.redirectInput(in.toFile());
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process bash = builder.start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, bash.waitFor());
    List<String> quoted = List.of(out.split("\0", -1));
    assertEquals(words.size() * 3 + 1, quoted.size(), "printf %q, @Q and declare -p per word");
    return quoted.subList(0, words.size() * 3);
  }

  private static String visible(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (cp < 0x20 || cp == 0x7F || cp > 0x7E) {
                out.append(String.format("\\u%04x", cp));
              } else {
                out.append((char) cp);
              }
            });
    return out.toString();
  }
}
