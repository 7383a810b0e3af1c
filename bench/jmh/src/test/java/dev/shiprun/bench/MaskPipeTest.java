package dev.shiprun.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.mask.SecretMasker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
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
    StringWriter out = new StringWriter();

    String summary =
        MaskPipe.mask(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out, masker);

    String expected = masker.mask(text.replace("\r\n", "\n")) + "\n";
    assertEquals(expected, out.toString());
    assertFalse(out.toString().contains(secret));
    assertEquals("masked 3 secrets in 3 lines", summary);
  }

  @Test
  void logFileTextIsMaskedEverywhere() throws IOException {
    LogGenerator generator = new LogGenerator(50, LogFile.SEED);
    StringBuilder text = new StringBuilder();
    generator.write(text, 1 << 20);
    StringWriter out = new StringWriter();

    MaskPipe.mask(
        new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.US_ASCII)),
        out,
        new SecretMasker(generator.secrets()));

    assertEquals(text.length(), text.toString().getBytes(StandardCharsets.US_ASCII).length);
    for (String secret : generator.secrets()) {
      assertFalse(out.toString().contains(secret));
    }
    assertTrue(out.toString().contains(SecretMasker.MASK));
  }
}
