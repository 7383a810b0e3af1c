package dev.shiprun.masker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte path ({@link OutputLines}: lines, pieces of long lines, U+FFFD, control lines, masking
 * on bytes) against a char path (a line splitter that decodes each line, below, then one {@link
 * MaskingStream} fed line by line): the same output, byte for byte, on random logs with secrets in
 * all their forms, CRLF, multi-byte and malformed UTF-8, long lines and control lines, read in
 * chunks of many sizes. Fixed seed: a failure names its case.
 */
class OutputLinesTest {

  private static final String CONTROL = "::ctl::";
  private static final byte[] PREFIX = CONTROL.getBytes(StandardCharsets.UTF_8);

  private final Random random = new Random(20_261_127L);

  @Test
  void givesTheCharPathsOutputOnRandomLogsInChunksOfAnySize() throws IOException {
    for (int n = 0; n < 3000; n++) {
      List<String> secrets = secrets();
      byte[] log = log(secrets);
      int maxLine = 8 + random.nextInt(200);
      List<String> controls = new ArrayList<>();
      byte[] expected = charPath(new SecretMasker(secrets), log, maxLine, controls);
      int[] sizes = {1, 2, 3, 7, 64, 1 + random.nextInt(300), log.length + 1};
      for (int size : sizes) {
        List<String> got = new ArrayList<>();
        // odd sizes with a trie a few bytes deep: the forms are read on past their starts
        SecretMasker masker =
            size % 2 == 1 ? new SecretMasker(secrets, 1 + n % 6) : new SecretMasker(secrets);
        byte[] actual = bytePath(masker, log, maxLine, size, got);
        assertSameBytes(
            expected,
            actual,
            "case " + n + ", chunks of " + size + ", line max " + maxLine + ", secrets " + secrets,
            log);
        assertEquals(controls, got, "case " + n + ": control lines");
      }
    }
  }

  /**
   * The fast paths on the text they are made for: long ASCII lines, read in big pieces, with
   * secrets of 17–64 chars (so that the automaton samples grams more than 8 bytes apart) and every
   * control byte below {@code \r} (which the line scan's first test lets through as maybe special),
   * against the char path, with the secrets anywhere, across the pieces' boundaries too.
   */
  @Test
  void givesTheCharPathsOutputOnLongAsciiLinesWithLongSecrets() throws IOException {
    String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/=+ ";
    for (int n = 0; n < 300; n++) {
      List<String> secrets = new ArrayList<>();
      for (int s = 1 + random.nextInt(5); s > 0; s--) {
        StringBuilder secret = new StringBuilder("made-up-");
        for (int k = 9 + random.nextInt(56); k > 0; k--) {
          secret.append(letters.charAt(random.nextInt(letters.length() - 1)));
        }
        secrets.add(secret.toString());
      }
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      for (int size = 2048 + random.nextInt(40_000); log.size() < size; ) {
        int kind = random.nextInt(40);
        if (kind == 0) {
          List<String> forms = new ArrayList<>(SecretForms.of(secrets.get(0)));
          log.writeBytes(forms.get(random.nextInt(forms.size())).getBytes(StandardCharsets.UTF_8));
        } else if (kind == 1) {
          String secret = secrets.get(random.nextInt(secrets.size()));
          log.writeBytes(secret.getBytes(StandardCharsets.UTF_8));
        } else if (kind == 2) {
          log.write(random.nextInt(0x0E)); // \0 … \r
        } else if (kind == 3 && random.nextInt(8) == 0) {
          log.write(0x80 + random.nextInt(0x80));
        } else if (kind < 8) {
          log.write('\n');
        } else {
          log.write(letters.charAt(random.nextInt(letters.length())));
        }
      }
      byte[] bytes = log.toByteArray();
      int maxLine = random.nextBoolean() ? 1 << 20 : 64 + random.nextInt(4096);
      byte[] expected = charPath(new SecretMasker(secrets), bytes, maxLine, new ArrayList<>());
      int[] sizes = {1 + random.nextInt(100), 4096 + random.nextInt(8192), bytes.length + 1};
      for (int size : sizes) {
        byte[] actual =
            bytePath(new SecretMasker(secrets), bytes, maxLine, size, new ArrayList<>());
        assertSameBytes(
            expected, actual, "case " + n + ", chunks of " + size + ", line max " + maxLine, bytes);
      }
    }
  }

  @Test
  void readsStraightFromAStream() throws IOException {
    SecretMasker masker = new SecretMasker(List.of("made-up-pass"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputLines lines = new OutputLines(masker.byteStream(), out, 1 << 20, PREFIX, (b, o, l) -> {});
    ByteArrayInputStream in =
        new ByteArrayInputStream("a made-up-pass\r\nb\n\u00e9 c".getBytes(StandardCharsets.UTF_8));
    while (true) { // reads of 5 bytes at most, into the channel's own buffer
      OutputLines.Intake intake = lines.intake();
      int count = in.read(intake.bytes(), intake.off(), Math.min(5, intake.len()));
      if (count == -1) {
        break;
      }
      lines.filled(intake, count);
    }
    lines.finish();
    assertEquals("a ***\nb\n\u00e9 c\n", out.toString(StandardCharsets.UTF_8));
    assertEquals(1, lines.masked());
    assertEquals(3, lines.lines());
  }

  @Test
  void givesUpAnIntakeNotHandedBackAndNeverReadsWhatLandsThere() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputLines lines =
        new OutputLines(
            new SecretMasker(List.of("made-up-pass")).byteStream(),
            out,
            1 << 20,
            PREFIX,
            (b, o, l) -> {});
    byte[] first = "a made-up-".getBytes(StandardCharsets.UTF_8);
    lines.write(first, 0, first.length);
    OutputLines.Intake stale = lines.intake(); // its reader is gone, or late
    OutputLines.Intake intake = lines.intake();
    byte[] late = "LATE\n".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(late, 0, stale.bytes(), stale.off(), late.length); // the late reader writes
    byte[] rest = "pass b\n".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(rest, 0, intake.bytes(), intake.off(), rest.length);
    lines.filled(intake, rest.length);

    assertThrows(IllegalStateException.class, () -> lines.filled(stale, late.length));
    OutputLines.Intake unused = lines.intake();
    System.arraycopy(late, 0, unused.bytes(), unused.off(), late.length);
    lines.finish(); // gives up the intake lent last too: its bytes never count
    assertEquals("a *** b\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void replacesMalformedBytesAsDecodingDoes() throws IOException {
    byte[] in = {
      'a',
      (byte) 0xE2,
      (byte) 0x82,
      'b',
      (byte) 0xED,
      (byte) 0xA0,
      (byte) 0x80,
      '\n',
      (byte) 0xC0,
      (byte) 0xAF,
      (byte) 0xF0,
      (byte) 0x9F
    };
    byte[] expected =
        (new String(in, 0, 7, StandardCharsets.UTF_8)
                + "\n"
                + new String(in, 8, 4, StandardCharsets.UTF_8)
                + "\n")
            .getBytes(StandardCharsets.UTF_8);
    for (int size = 1; size <= in.length; size++) {
      assertArrayEquals(
          expected, bytePath(new SecretMasker(List.of()), in, 1 << 20, size, new ArrayList<>()));
    }
  }

  @Test
  void joinsLinesAcrossWritesAndKeepsALastLineWithoutNewline() throws IOException {
    assertEquals(
        List.of("partial", "whole", "", "last"), lines(1024, "par", "tial\r\nwhole\n\nla", "st"));
  }

  @Test
  void cutsAnOverlongLineBetweenCharacters() throws IOException {
    // é would straddle the 8th byte: it moves on to the next piece
    assertEquals(List.of("abcdefg", "é€xyz", "12345678"), lines(8, "abcdefgé€xyz\n12345678\n"));
  }

  @Test
  void turnsInvalidUtf8IntoReplacementCharacters() throws IOException {
    byte[] bytes = {'o', 'k', (byte) 0xFF, (byte) 0xC3, '\n'};
    assertEquals(
        "ok\uFFFD\uFFFD\n",
        new String(
            bytePath(new SecretMasker(List.of()), bytes, 1024, bytes.length, List.of()),
            StandardCharsets.UTF_8));
  }

  @Test
  void writesNothingForNoInput() throws IOException {
    assertEquals(
        0,
        bytePath(new SecretMasker(List.of("made-up-pass")), new byte[0], 64, 1, List.of()).length);
  }

  // the lines the byte path makes of `chunks`, with nothing to mask
  private static List<String> lines(int maxLine, String... chunks) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputLines lines =
        new OutputLines(
            new SecretMasker(List.of()).byteStream(), out, maxLine, PREFIX, (b, o, l) -> {});
    for (String chunk : chunks) {
      byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
      lines.write(bytes, 0, bytes.length);
    }
    lines.finish();
    String text = out.toString(StandardCharsets.UTF_8);
    return List.of(text.substring(0, text.length() - 1).split("\n", -1));
  }

  // the byte path, in chunks of at most `size`: two of three read into the channel's own buffer
  // (intake, as the engine's pump does), the others written (a copy), so both ways and their mix
  private static byte[] bytePath(
      SecretMasker masker, byte[] log, int maxLine, int size, List<String> controls)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputLines lines =
        new OutputLines(
            masker.byteStream(),
            out,
            maxLine,
            PREFIX,
            (b, off, len) -> controls.add(new String(b, off, len, StandardCharsets.UTF_8)));
    for (int at = 0, chunk = 0; at < log.length; chunk++) {
      int count = Math.min(size, log.length - at);
      if (chunk % 3 == 0) {
        lines.write(log, at, count);
      } else {
        OutputLines.Intake intake = lines.intake();
        count = Math.min(count, intake.len());
        System.arraycopy(log, at, intake.bytes(), intake.off(), count);
        lines.filled(intake, count);
      }
      at += count;
    }
    lines.finish();
    return out.toByteArray();
  }

  // the char path: lines cut and decoded, then one MaskingStream fed line by line
  private static byte[] charPath(
      SecretMasker masker, byte[] log, int maxLine, List<String> controls) {
    MaskingStream stream = masker.stream();
    StringBuilder out = new StringBuilder();
    byte[] buffer = new byte[maxLine];
    int[] length = {0};
    Receiver deliver =
        (text, ends) -> {
          if (ends && text.startsWith(CONTROL)) {
            controls.add(text.substring(CONTROL.length()));
            return;
          }
          out.append(ends ? stream.line(text) : stream.write(text)).append('\n');
        };
    int start = 0;
    for (int i = 0; i < log.length; i++) {
      if (log[i] == '\n') {
        append(buffer, length, log, start, i - start, maxLine, deliver);
        int end = length[0] > 0 && buffer[length[0] - 1] == '\r' ? length[0] - 1 : length[0];
        deliver.accept(new String(buffer, 0, end, StandardCharsets.UTF_8), true);
        length[0] = 0;
        start = i + 1;
      }
    }
    append(buffer, length, log, start, log.length - start, maxLine, deliver);
    if (length[0] > 0) {
      deliver.accept(new String(buffer, 0, length[0], StandardCharsets.UTF_8), true);
    }
    String rest = stream.flush();
    if (!rest.isEmpty()) {
      out.append(rest).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private interface Receiver {
    void accept(String text, boolean lineEnds);
  }

  private static void append(
      byte[] buffer, int[] length, byte[] bytes, int offset, int count, int max, Receiver r) {
    while (count > 0) {
      if (length[0] == max) {
        int cut = Utf8Cut.before(buffer, 0, length[0]);
        r.accept(new String(buffer, 0, cut, StandardCharsets.UTF_8), false);
        System.arraycopy(buffer, cut, buffer, 0, length[0] - cut);
        length[0] -= cut;
      }
      int taken = Math.min(max - length[0], count);
      System.arraycopy(bytes, offset, buffer, length[0], taken);
      length[0] += taken;
      offset += taken;
      count -= taken;
    }
  }

  private static final String[] PIECES = {
    "a", "b", "k", "Z", "0", "7", "-", "_", ".", " ", "\t", ":", "=", "%", "é", "ß", "中", "😀",
    "made", "up", "\\", "\"", "'", "$"
  };

  private List<String> secrets() {
    List<String> out = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      StringBuilder s = new StringBuilder();
      int length = 4 + random.nextInt(8);
      for (int k = 0; k < length; k++) {
        s.append(PIECES[random.nextInt(PIECES.length)]);
      }
      if (random.nextInt(10) == 0) { // a line end between two chars, not inside a surrogate pair
        int at = s.offsetByCodePoints(0, random.nextInt(s.codePointCount(0, s.length())));
        s.insert(at, '\n');
      }
      out.add(s.toString());
    }
    if (count > 1 && random.nextBoolean()) { // one secret the prefix of another
      out.add(out.get(0) + "xy");
    }
    return out;
  }

  private byte[] log(List<String> secrets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int parts = random.nextInt(60);
    for (int i = 0; i < parts; i++) {
      int kind = random.nextInt(12);
      byte[] piece;
      if (kind < 3 && !secrets.isEmpty()) {
        String secret = secrets.get(random.nextInt(secrets.size()));
        List<String> forms = new ArrayList<>(SecretForms.of(secret));
        piece = forms.get(random.nextInt(forms.size())).getBytes(StandardCharsets.UTF_8);
      } else if (kind == 3) {
        piece = new byte[] {(byte) (0x80 + random.nextInt(0x80))};
      } else if (kind == 4) {
        piece = random.nextBoolean() ? "\r\n".getBytes(StandardCharsets.UTF_8) : new byte[] {'\r'};
      } else if (kind == 5) {
        piece =
            ("\n" + (random.nextBoolean() ? CONTROL : ":") + "v" + random.nextInt(9))
                .getBytes(StandardCharsets.UTF_8);
      } else if (kind < 7) {
        piece = new byte[] {'\n'};
      } else if (kind == 7) { // plain ASCII lines, the fast path's text
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(60); k > 0; k--) {
          text.append(random.nextInt(9) == 0 ? '\n' : (char) ('a' + random.nextInt(26)));
        }
        piece = text.toString().getBytes(StandardCharsets.UTF_8);
      } else {
        piece = PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8);
      }
      out.writeBytes(piece);
    }
    return out.toByteArray();
  }

  /** The byte path's output equals the char path's; the message names the case and its log. */
  private static void assertSameBytes(byte[] expected, byte[] actual, String what, byte[] log) {
    if (!Arrays.equals(expected, actual)) {
      assertEquals(show(expected), show(actual), what + ", log " + show(log));
    }
  }

  private static String show(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c >= 0x20 && c < 0x7F) {
        out.append((char) c);
      } else {
        out.append(String.format("<%02x>", c));
      }
    }
    return out.toString();
  }
}
