package dev.shiprun.masker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random secrets (regex and shell characters, quotes, {@code $}, backslashes, unicode with
 * surrogate pairs, newlines), embedded with their forms in random text and written in random
 * splits, by chunk and by line as JobLog does. The output must be exactly what a naive masker makes
 * of the whole text at once, no form of a secret may survive, and text without a secret passes
 * through unchanged, also when the automaton holds only a few chars of each pattern and reads the
 * rest on ({@link Tails}). Fixed seed: a failure names its case and can be replayed.
 */
class MaskerPropertyTest {

  private static final int CASES = 10_000;

  private static final String[] CHARS = {
    "a", "b", "k", "Z", "0", "7", "-", "_", ".", "*", "+", "?", "^", "$", "(", ")", "[", "]", "{",
    "}", "|", "\\", "/", "'", "\"", "`", " ", "\t", "\n", "\r", ":", "=", "%", "@", "~", "#", "!",
    "&", ";", "é", "ß", "中", "文", "😀", "𝄞", "\u0007", "\u007f"
  };

  private final Random random = new Random(20_261_127L);
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void noSecretNorAnyFormOfItSurvivesRandomSplits() throws JsonProcessingException {
    int clean = 0;
    for (int n = 0; n < CASES; n++) {
      List<String> secrets = secrets();
      SecretMasker masker = new SecretMasker(secrets);
      Set<String> patterns = new LinkedHashSet<>();
      secrets.forEach(s -> patterns.addAll(SecretForms.of(s)));
      List<String> forms = independentForms(secrets);
      assertTrue(patterns.containsAll(forms), "case " + n + ": a JDK or Jackson form is missing");
      int longest = patterns.stream().mapToInt(String::length).max().orElseThrow();

      String text = text(secrets, forms);
      String expected = reference(text, patterns);
      String chunked = chunked(masker, text, longest);
      String lined = lined(masker, text);
      int number = n;
      Supplier<String> describe = () -> describe(number, secrets, text);
      assertEquals(expected, chunked, describe);
      assertEquals(withLineEnd(expected), lined, describe);
      // A trie a few chars deep: nearly every form is read on past its start by Tails.
      SecretMasker shallow = new SecretMasker(secrets, 1 + n % 6);
      assertEquals(expected, chunked(shallow, text, longest), describe);
      assertEquals(withLineEnd(expected), lined(shallow, text), describe);
      for (String form : patterns) {
        // A form on one line with no * of its own cannot be made up of mask and text.
        if (!form.contains("\n") && !form.contains("*")) {
          assertFalse(chunked.contains(form), () -> describe.get() + " leaks " + form);
        }
      }

      String plain = filler(40);
      if (patterns.stream().noneMatch(plain::contains)) {
        clean++;
        assertEquals(plain, chunked(masker, plain, longest), "case " + n);
        assertEquals(withLineEnd(plain), lined(masker, plain), "case " + n);
      }
    }
    assertTrue(clean > CASES / 2, "only " + clean + " cases without a secret in the text");
  }

  /** The case as JSON, to replay it. */
  private String describe(int n, List<String> secrets, String text) {
    try {
      return "case " + n + ": " + json.writeValueAsString(Map.of("secrets", secrets, "text", text));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** Line by line, a last line without a line end gets one. */
  private static String withLineEnd(String text) {
    return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
  }

  /** One to three secrets of 4 to 24 characters, each long enough to be masked. */
  private List<String> secrets() {
    List<String> out = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    while (out.size() < count) {
      String s = pick(4 + random.nextInt(21));
      if (SecretMasker.maskable(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /** The forms of the secrets as the JDK and Jackson make them, long enough to be masked. */
  private List<String> independentForms(List<String> secrets) throws JsonProcessingException {
    List<String> out = new ArrayList<>();
    for (String secret : secrets) {
      String value = SecretForms.trimLineEnds(secret);
      List<String> forms = new ArrayList<>(List.of(value));
      for (String line : value.split("\n")) {
        forms.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
      }
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      for (int offset = 0; offset < 3; offset++) {
        byte[] shifted = new byte[offset + bytes.length];
        System.arraycopy(bytes, 0, shifted, offset, bytes.length);
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
          String encoded = encoder.encodeToString(shifted);
          forms.add(encoded.substring((offset * 8 + 5) / 6, shifted.length * 8 / 6));
        }
      }
      String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
      forms.add(url);
      forms.add(url.replace("+", "%20").replace("*", "%2A").replace("%7E", "~"));
      String quoted = json.writeValueAsString(value);
      forms.add(quoted.substring(1, quoted.length() - 1));
      forms.add(value.replace("'", "'\\''"));
      for (String form : forms) {
        String trimmed = SecretForms.trimLineEnds(form);
        if (trimmed.codePointCount(0, trimmed.length()) >= SecretMasker.MIN_LENGTH) {
          out.add(trimmed);
        }
      }
    }
    return out;
  }

  /** Random text with the secrets, their forms and the contexts they come in, here and there. */
  private String text(List<String> secrets, List<String> forms) throws JsonProcessingException {
    StringBuilder out = new StringBuilder();
    int parts = 1 + random.nextInt(8);
    for (int i = 0; i < parts; i++) {
      out.append(filler(12));
      String secret = secrets.get(random.nextInt(secrets.size()));
      switch (random.nextInt(6)) {
        case 0 -> out.append(secret);
        case 1, 2 -> out.append(forms.get(random.nextInt(forms.size())));
        case 3 ->
            out.append(
                Base64.getEncoder()
                    .encodeToString(
                        (filler(3) + secret + filler(3)).getBytes(StandardCharsets.UTF_8)));
        case 4 -> out.append(json.writeValueAsString(Map.of("password", secret)));
        default -> out.append(secret, 0, random.nextInt(secret.length())); // a start only
      }
    }
    return out.append(filler(12)).toString();
  }

  private String filler(int most) {
    return pick(random.nextInt(most + 1));
  }

  private String pick(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(CHARS[random.nextInt(CHARS.length)]);
    }
    return out.toString();
  }

  /** Written in chunks of 0 to 11 chars (a surrogate pair may be cut too), then flushed. */
  private String chunked(SecretMasker masker, String text, int longest) {
    MaskingStream stream = masker.stream();
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < text.length()) {
      int next = Math.min(text.length(), at + random.nextInt(12));
      out.append(stream.write(text.substring(at, next)));
      at = next;
      assertTrue(stream.held() < longest, "held " + stream.held() + " of " + longest);
      assertFalse(text.substring(at - stream.held(), at).contains("\n"), "held past a line end");
    }
    return out.append(stream.flush()).toString();
  }

  /** As JobLog gets it: line by line, some lines cut into pieces first. */
  private String lined(SecretMasker masker, String text) {
    MaskingStream stream = masker.stream();
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int k = 0; k < lines.length; k++) {
      String line = lines[k];
      if (k == lines.length - 1 && line.isEmpty()) {
        break;
      }
      int at = 0;
      while (at < line.length() && random.nextInt(3) == 0) {
        int next = at + random.nextInt(line.length() - at + 1);
        out.append(stream.write(line.substring(at, next)));
        at = next;
      }
      out.append(stream.line(line.substring(at))).append('\n');
    }
    return out.toString();
  }

  /**
   * The naive masker: every occurrence of every pattern, cut back to its last line (what was on
   * earlier lines is out before the match is known), overlapping ones merged.
   */
  private static String reference(String text, Collection<String> patterns) {
    List<int[]> ranges = new ArrayList<>();
    for (String p : patterns) {
      for (int at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
        int end = at + p.length();
        ranges.add(new int[] {Math.max(at, text.lastIndexOf('\n', end - 1) + 1), end});
      }
    }
    ranges.sort(Comparator.comparingInt(r -> r[0]));
    StringBuilder out = new StringBuilder();
    int pos = 0;
    int i = 0;
    while (i < ranges.size()) {
      int start = ranges.get(i)[0];
      int end = ranges.get(i)[1];
      for (i++; i < ranges.size() && ranges.get(i)[0] < end; i++) {
        end = Math.max(end, ranges.get(i)[1]);
      }
      out.append(text, pos, start).append(SecretMasker.MASK);
      pos = end;
    }
    return out.append(text.substring(pos)).toString();
  }
}
