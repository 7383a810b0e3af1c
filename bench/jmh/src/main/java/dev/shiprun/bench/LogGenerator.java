package dev.shiprun.bench;

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
    for (long n = 0; out.length() < chars; n++) {
      out.append(
          String.format("2026-11-27T05:%02d:%02d.%03dZ ", n / 60000 % 60, n / 1000 % 60, n % 1000));
      if (n % 200 == 199) {
        out.append(secretLine(secrets.get(random.nextInt(secrets.size()))));
      } else {
        out.append(chatter());
      }
      out.append('\n');
    }
    out.setLength(chars - 1);
    return out.append('\n').toString();
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
