package dev.shiprun.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.masker.SecretMasker;
import org.junit.jupiter.api.Test;

/** What the masker benchmark masks: secrets are there, and none is left; no timing. */
class LogGeneratorTest {

  @Test
  void textHasTheSizeAskedAndTheSameContentEveryTime() {
    String text = new LogGenerator(50, 1).text(1 << 20);

    assertEquals(1 << 20, text.length());
    assertTrue(text.endsWith("\n"));
    assertEquals(text, new LogGenerator(50, 1).text(1 << 20));
  }

  @Test
  void everySecretLineIsMasked() {
    LogGenerator generator = new LogGenerator(50, 1);
    String text = generator.text(1 << 20);
    String masked = new SecretMasker(generator.secrets()).mask(text);

    long secretLines =
        text.lines().filter(l -> l.contains("fake-") || l.contains("\"auth\":")).count();
    assertTrue(secretLines > 20, secretLines + " lines with a secret");
    assertEquals(secretLines, masked.lines().filter(l -> l.contains(SecretMasker.MASK)).count());
    for (String secret : generator.secrets()) {
      assertFalse(masked.contains(secret));
    }
  }
}
