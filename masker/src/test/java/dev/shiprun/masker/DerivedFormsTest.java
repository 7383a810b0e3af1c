package dev.shiprun.masker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each form a script can turn a secret into, computed here as the JDK, Jackson or bash do it. */
class DerivedFormsTest {

  private static final String PASSWORD = "fake pä$$:w0rd/+?\"'\\~*";
  private static final List<String> SECRETS =
      List.of(PASSWORD, "made-up-token", "ab~c", "中文密码示例", "emoji😀pass", "tab\there");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void masksBase64AtEveryAlignmentInsideALongerText() {
    for (String secret : SECRETS) {
      SecretMasker masker = new SecretMasker(List.of(secret));
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      for (String prefix : List.of("", "u", "us", "user:", "made-up-user:")) {
        for (String suffix : List.of("", "x", "xy", "\n")) {
          byte[] plain = (prefix + secret + suffix).getBytes(StandardCharsets.UTF_8);
          int from = prefix.getBytes(StandardCharsets.UTF_8).length;
          for (Base64.Encoder encoder :
              List.of(
                  Base64.getEncoder(),
                  Base64.getUrlEncoder(),
                  Base64.getEncoder().withoutPadding(),
                  Base64.getUrlEncoder().withoutPadding())) {
            String encoded = encoder.encodeToString(plain);
            String masked = masker.mask("auth: " + encoded + " end");
            // Every char whose 6 bits come from the secret's bytes alone is gone.
            int first = (from * 8 + 5) / 6;
            int end = (from + bytes.length) * 8 / 6;
            String expectedStart = "auth: " + encoded.substring(0, first) + SecretMasker.MASK;
            assertTrue(masked.startsWith(expectedStart), masked + " for " + encoded);
            String rest = masked.substring(expectedStart.length());
            assertTrue((encoded.substring(end) + " end").endsWith(rest), masked);
          }
        }
      }
    }
  }

  @Test
  void masksAWholeBase64TextThatIsTheSecretAlone() {
    SecretMasker masker = new SecretMasker(List.of("made-up-token"));
    for (Base64.Encoder encoder :
        List.of(Base64.getEncoder(), Base64.getEncoder().withoutPadding())) {
      String encoded = encoder.encodeToString("made-up-token".getBytes(StandardCharsets.UTF_8));

      assertEquals("[***]", masker.mask("[" + encoded + "]"));
    }
  }

  @Test
  void masksUrlEncodedForms() {
    for (String secret : SECRETS) {
      SecretMasker masker = new SecretMasker(List.of(secret));
      String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      String rfc3986 = form.replace("+", "%20").replace("*", "%2A").replace("%7E", "~");

      assertEquals("https://u:***@host/", masker.mask("https://u:" + form + "@host/"));
      assertEquals("https://u:***@host/", masker.mask("https://u:" + rfc3986 + "@host/"));
    }
  }

  @Test
  void masksTheSecretAsJacksonEscapesItInAString() throws IOException {
    for (String secret : List.of(PASSWORD, "line one\nline two", "bell\u0007and\u001bescape")) {
      SecretMasker masker = new SecretMasker(List.of(secret));
      String document = json.writeValueAsString(Map.of("password", secret));

      assertEquals("{\"password\":\"***\"}", masker.mask(document), document);
    }
  }

  @Test
  void masksTheSecretAsAsciiOnlyJson() {
    // As Python's json.dumps writes "pässwört😀" (ensure_ascii, the default).
    SecretMasker masker = new SecretMasker(List.of("pässwört😀"));

    assertEquals("\"***\"", masker.mask("\"p\\u00e4ssw\\u00f6rt\\ud83d\\ude00\""));
  }

  @Test
  void masksSingleQuotedForms() throws Exception {
    SecretMasker masker = new SecretMasker(List.of("it's-made-up"));
    String xtrace = bash("C.UTF-8", "{ set -x; : \"$1\"; } 2>/dev/stdout", "it's-made-up");

    assertEquals("+ : 'it'\\''s-made-up'", xtrace);
    assertEquals("+ : '***'", masker.mask(xtrace));
    assertEquals("echo '***'", masker.mask("echo 'it'\"'\"'s-made-up'")); // Python's shlex.quote
  }

  /** What bash prints for {@code script} with {@code arg} as $1, in {@code locale}. */
  private static String bash(String locale, String script, String arg) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script, "_", arg);
    builder.environment().put("LC_ALL", locale);
    builder.redirectErrorStream(true);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
  }
}
