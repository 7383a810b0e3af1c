package dev.shiprun.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.masker.SecretMasker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What bench/masker.sh times must mask like the masker does on the whole text; no timing. */
class MaskPipeTest {

  @Test
  void masksLikeTheWholeTextWithCrLfALongLineAndNoLastNewline() throws IOException {
    String secret = "fake-s3cr3t-Value";
    SecretMasker masker = new SecretMasker(List.of(secret));
    // A secret across two 64 KiB reads of a long line, CRLF line ends, a last line with no newline.
    String longLine = "x".repeat((1 << 20) - 5) + secret + " tail";
    String text = "one " + secret + "\r\n" + longLine + "\nlast " + secret;
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    String summary =
        MaskPipe.mask(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out, masker);

    // As the engine stores it: the long line cut at 1 MiB into two lines, the start of the secret
    // before the cut held back and masked with its rest.
    String expected = "one ***\n" + "x".repeat((1 << 20) - 5) + "\n*** tail\nlast ***\n";
    assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    assertFalse(out.toString(StandardCharsets.UTF_8).contains(secret));
    assertEquals("masked 3 secrets in 3 lines", summary);
  }

  @Test
  void logFileTextIsMaskedEverywhere() throws IOException {
    LogGenerator generator = new LogGenerator(50, LogFile.SEED);
    StringBuilder text = new StringBuilder();
    generator.write(text, 1 << 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    MaskPipe.mask(
        new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.US_ASCII)),
        out,
        new SecretMasker(generator.secrets()));

    assertEquals(text.length(), text.toString().getBytes(StandardCharsets.US_ASCII).length);
    for (String secret : generator.secrets()) {
      assertFalse(out.toString(StandardCharsets.UTF_8).contains(secret));
    }
    assertTrue(out.toString(StandardCharsets.UTF_8).contains(SecretMasker.MASK));
  }
}
