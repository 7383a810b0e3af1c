package dev.shiprun.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Log-like job output for the masker benchmark: timestamped lines of build, HTTP and test chatter,
 * and now and then (one line in 200) a line with one of the made-up secrets, raw or as a script
 * would print it (base64 of {@code user:secret}, URL-encoded in a URL, in a JSON document).
 * Deterministic for a given seed, so every run masks the same text.
 */
final class LogGenerator {

  private static final String SECRET_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_!@#%^&*+=";
  private static final String[] WORDS = {
    "compiling",
    "module",
    "resolved",
    "artifact",
    "from",
    "cache",
    "test",
    "passed",
    "layer",
    "pushed",
    "digest",
    "sha256",
    "downloading",
    "extracting",
    "warning:",
    "deprecated",
    "step",
    "container",
    "started",
    "exited",
    "with",
    "code",
    "0",
    "building",
    "image",
    "registry"
  };

  private final Random random;
  private final List<String> secrets = new ArrayList<>();

  LogGenerator(int secretCount, long seed) {
    this.random = new Random(seed);
    for (int i = 0; i < secretCount; i++) {
      StringBuilder s = new StringBuilder("fake-");
      int length = 12 + random.nextInt(29);
      for (int k = 0; k < length; k++) {
        s.append(SECRET_CHARS.charAt(random.nextInt(SECRET_CHARS.length())));
      }
      secrets.add(s.toString());
    }
  }

  List<String> secrets() {
    return List.copyOf(secrets);
  }

  /** Exactly {@code chars} chars of lines, the last one cut to fit and ended with a newline. */
  String text(int chars) {
    StringBuilder out = new StringBuilder(chars + 256);
    try {
      write(out, chars);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return out.toString();
  }

  /**
   * The same text as {@link #text} for the same seed, appended line by line, so that a file larger
   * than a String can hold (bench/masker.sh writes 256 MiB and more) never sits in memory whole.
   */
  void write(Appendable out, long chars) throws IOException {
    if (chars < 1) {
      throw new IllegalArgumentException("at least one char: " + chars);
    }
    StringBuilder line = new StringBuilder(256);
    long written = 0;
    for (long n = 0; written < chars; n++) {
      line.setLength(0);
      // "2026-11-27T05:mm:ss.SSSZ " without String.format, which made writing 256 MiB slow
      line.append("2026-11-27T05:");
      padded(line, n / 60000 % 60, 2).append(':');
      padded(line, n / 1000 % 60, 2).append('.');
      padded(line, n % 1000, 3).append("Z ");
      if (n % 200 == 199) {
        line.append(secretLine(secrets.get(random.nextInt(secrets.size()))));
      } else {
        line.append(chatter());
      }
      line.append('\n');
      if (written + line.length() >= chars) { // the last line: cut to fit, a newline at the end
        line.setLength((int) (chars - written - 1));
        line.append('\n');
      }
      out.append(line);
      written += line.length();
    }
  }

  private static StringBuilder padded(StringBuilder out, long value, int digits) {
    String text = Long.toString(value);
    for (int i = text.length(); i < digits; i++) {
      out.append('0');
    }
    return out.append(text);
  }

  private String chatter() {
    StringBuilder line = new StringBuilder(random.nextBoolean() ? "INFO  " : "DEBUG ");
    int words = 4 + random.nextInt(14);
    for (int i = 0; i < words; i++) {
      line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    return line.append(Long.toHexString(random.nextLong())).toString();
  }

  private String secretLine(String secret) {
    return switch (random.nextInt(4)) {
      case 0 -> "INFO  logging in with " + secret;
      case 1 ->
          "DEBUG {\"auths\":{\"registry.example.test\":{\"auth\":\""
              + Base64.getEncoder()
                  .encodeToString(("made-up-user:" + secret).getBytes(StandardCharsets.UTF_8))
              + "\"}}}";
      case 2 ->
          "INFO  GET https://made-up-user:"
              + URLEncoder.encode(secret, StandardCharsets.UTF_8)
              + "@registry.example.test/v2/ -> 200";
      default -> "DEBUG {\"password\":\"" + secret + "\",\"email\":\"ci@example.test\"}";
    };
  }
}
