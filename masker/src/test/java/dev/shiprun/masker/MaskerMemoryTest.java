package dev.shiprun.masker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The masker's memory grows with the total length of its patterns, not with it times the alphabet
 * or with the secrets' length squared: held to the goals of a daemon with many integrations (10 KB
 * per secret of 40 chars with all its forms, 100 MB for 2,000 secrets of mixed length, 200 of them
 * 4 KiB), counted from the sizes of the masker's own arrays and strings ({@link
 * SecretMasker#footprint}), not by measuring the heap. bench/masker-memory.sh measures the heap.
 */
class MaskerMemoryTest {

  private static final String CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_!@#%^&*+=";
  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private final Random random = new Random(20_261_127L);

  @Test
  void aSecretOf40CharsWithAllItsFormsTakesAtMost10KbAmong2000() {
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      secrets.add(token(40));
    }
    long bytes = built(secrets).footprint();
    assertTrue(bytes / 2_000 <= 10_000, bytes / 2_000 + " bytes per secret of 40 chars");
  }

  @Test
  void twoThousandSecretsOfMixedLengthTakeAtMost100Mb() {
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < 1_800; i++) {
      secrets.add(token(8 + random.nextInt(57)));
    }
    for (int i = 0; i < 100; i++) {
      secrets.add(token(4_096));
      secrets.add(pem());
    }
    long bytes = built(secrets).footprint();
    assertTrue(bytes <= 100_000_000, bytes + " bytes for 2,000 secrets of mixed length");
  }

  @Test
  void oneSecretOf4KibTakesAFewTimesItsFormsLength() {
    String secret = token(4_096);
    SecretMasker masker = built(List.of(secret));
    long chars = 0;
    for (String form : SecretForms.of(secret)) {
      chars += form.length();
    }
    long bytes = masker.footprint();
    assertTrue(bytes <= 3 * chars, bytes + " bytes for forms of " + chars + " chars");
  }

  /** A masker with both its automata made, as a job's masker is once it masked a line of each. */
  private static SecretMasker built(List<String> secrets) {
    SecretMasker masker = new SecretMasker(secrets);
    masker.mask("makes the char automaton");
    masker.byteStream();
    return masker;
  }

  private String token(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int k = 0; k < length; k++) {
      s.append(CHARS.charAt(random.nextInt(CHARS.length())));
    }
    return s.toString();
  }

  /** A made-up PEM-like key of 4 KiB: a header, 64-char base64 lines, a footer. */
  private String pem() {
    String head = "-----BEGIN PRIVATE KEY-----\n";
    String foot = "\n-----END PRIVATE KEY-----";
    StringBuilder body = new StringBuilder();
    while (head.length() + body.length() + foot.length() < 4_096) {
      body.append(body.length() % 65 == 64 ? '\n' : BASE64.charAt(random.nextInt(BASE64.length())));
    }
    body.setLength(4_096 - head.length() - foot.length());
    return head + body + foot;
  }
}
