package dev.shiprun.masker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Masking on bytes gives what masking on chars gives the decoded text: every form, across every
 * chunk boundary, with overlapping secrets, multi-byte text and secrets; malformed bytes pass
 * through and never join a match.
 */
class ByteMaskingStreamTest {

  private static final List<String> SECRETS =
      List.of(
          "fake pä$$:w0rd/+?\"'\\~*",
          "made-up-token",
          "中文密码示例",
          "emoji😀pass",
          "tab\there",
          "two\nlines-made-up");

  @Test
  void masksEveryFormOfEverySecretAsTheCharStreamDoes() throws IOException {
    SecretMasker masker = new SecretMasker(SECRETS);
    for (String secret : SECRETS) {
      for (String form : SecretForms.of(secret)) {
        String text = "before " + form + " after\n";
        String expected = masker.mask(text);
        assertTrue(expected.contains(SecretMasker.MASK), form);
        assertEquals(expected, bytes(masker, text, Integer.MAX_VALUE), form);
      }
    }
  }

  @Test
  void masksAMatchSplitAtEveryPossibleChunkBoundary() throws IOException {
    SecretMasker masker = new SecretMasker(SECRETS);
    String text = "x 中文密码示例 y made-up-token\nemoji😀pass z";
    String expected = masker.mask(text);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    for (int cut = 0; cut <= utf8.length; cut++) {
      for (int second = cut; second <= utf8.length; second++) {
        ByteMaskingStream stream = masker.byteStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stream.write(utf8, 0, cut, out);
        stream.write(utf8, cut, second - cut, out);
        stream.write(utf8, second, utf8.length - second, out);
        stream.flush(out);
        assertEquals(expected, out.toString(StandardCharsets.UTF_8), cut + "/" + second);
      }
    }
  }

  @Test
  void masksOverlappingSecretsAndASecretThatIsThePrefixOfAnotherAsOne() throws IOException {
    SecretMasker masker = new SecretMasker(List.of("made-up-one", "up-one-two", "made-up"));
    assertEquals("a *** b *** c\n", bytes(masker, "a made-up-one-two b made-up c\n", 3));
    assertEquals(
        masker.mask("made-up-one-two made-upx"), bytes(masker, "made-up-one-two made-upx", 1));
  }

  @Test
  void passesMalformedBytesThroughAndNeverIntoAMatch() throws IOException {
    SecretMasker masker = new SecretMasker(List.of("made-up-token"));
    byte[] in = {
      (byte) 0xE2,
      'm',
      'a',
      'd',
      'e',
      '-',
      'u',
      'p',
      '-',
      't',
      'o',
      'k',
      'e',
      'n',
      (byte) 0xFF,
      'm',
      'a',
      'd',
      'e',
      (byte) 0x80,
      '-',
      'u',
      'p',
      '-',
      't',
      'o',
      'k',
      'e',
      'n'
    };
    for (int size = 1; size <= in.length; size++) {
      ByteMaskingStream stream = masker.byteStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int at = 0; at < in.length; at += size) {
        stream.write(in, at, Math.min(size, in.length - at), out);
      }
      stream.flush(out);
      byte[] expected = new byte[in.length - 13 + 3];
      expected[0] = (byte) 0xE2;
      expected[1] = '*';
      expected[2] = '*';
      expected[3] = '*';
      System.arraycopy(in, 14, expected, 4, in.length - 14);
      assertArrayEquals(expected, out.toByteArray(), "chunks of " + size);
    }
  }

  @Test
  void writesNothingForNothingAndCopiesTextWhenNoSecretIsKnown() throws IOException {
    assertEquals("", bytes(new SecretMasker(List.of("made-up-token")), "", 1));
    SecretMasker none = new SecretMasker(List.of());
    String text = "nothing to hide, 中文, made-up-token\n";
    assertEquals(text, bytes(none, text, 5));
    none.add("made-up-token");
    assertEquals("nothing to hide, 中文, ***\n", bytes(none, text, 5));
  }

  @Test
  void givesTheCharStreamsOutputOnRandomTextInChunksOfManySizes() throws IOException {
    Random random = new Random(20_261_127L);
    String[] pieces = {"a", "k", "Z", "0", "-", "_", " ", "\n", "é", "中", "😀", "made", "up", "="};
    for (int n = 0; n < 2000; n++) {
      List<String> secrets = new ArrayList<>();
      for (int s = random.nextInt(4); s > 0; s--) {
        StringBuilder secret = new StringBuilder();
        for (int k = 4 + random.nextInt(6); k > 0; k--) {
          secret.append(pieces[random.nextInt(pieces.length)]);
        }
        secrets.add(secret.toString());
      }
      SecretMasker masker = new SecretMasker(secrets);
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(80); k > 0; k--) {
        if (!secrets.isEmpty() && random.nextInt(6) == 0) {
          List<String> forms =
              new ArrayList<>(SecretForms.of(secrets.get(random.nextInt(secrets.size()))));
          text.append(forms.get(random.nextInt(forms.size())));
        } else {
          text.append(pieces[random.nextInt(pieces.length)]);
        }
      }
      int size = 1 + random.nextInt(40);
      MaskingStream chars = masker.stream();
      StringBuilder expected = new StringBuilder();
      String whole = text.toString();
      for (int at = 0; at < whole.length(); at += size) {
        int end = Math.min(whole.length(), at + size);
        if (end < whole.length() && Character.isHighSurrogate(whole.charAt(end - 1))) {
          end++;
        }
        expected.append(chars.write(whole.substring(at, end)));
        at = end - size;
      }
      expected.append(chars.flush());
      assertEquals(
          expected.toString(),
          bytes(masker, whole, 1 + random.nextInt(40)),
          "case " + n + " " + secrets + " " + whole);
      assertEquals(
          expected.toString(),
          bytes(new SecretMasker(secrets, 1 + n % 6), whole, 1 + random.nextInt(40)),
          "case " + n + ", a trie " + (1 + n % 6) + " deep, " + secrets + " " + whole);
    }
  }

  private static String bytes(SecretMasker masker, String text, int size) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    ByteMaskingStream stream = masker.byteStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < utf8.length; at += size) {
      stream.write(utf8, at, Math.min(size, utf8.length - at), out);
    }
    stream.flush(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
