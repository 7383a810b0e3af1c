package dev.shiprun.model.mask;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The masker's automaton over the UTF-8 bytes of the patterns, for output that is masked as bytes
 * ({@link ByteMaskingStream}). A pattern's UTF-8 encoding starts on a character's first byte and
 * ends on its last, so in valid UTF-8 text its bytes match exactly where its chars match in the
 * decoded text (UTF-8 is self-synchronizing): masking the bytes masks the same text as masking the
 * chars.
 *
 * <p>The automaton is the char {@link Automaton} over the chars 0..255, one per byte. What makes it
 * fast is the skip: no pattern is shorter than {@link #stride} + 3 bytes, so every occurrence holds
 * a 4-byte gram at one of its first {@link #stride} offsets that starts at a position sampled every
 * {@link #stride} bytes. A scan at the root reads only those grams, each one 4-byte read and one
 * bit of a hashed table of the grams the patterns have there (1 Mi bits: with a few thousand grams,
 * about one log position in a few hundred passes it by chance), and runs the automaton only around
 * a gram that is in it. Profiling showed a one-byte table (stop at any byte that starts a pattern,
 * read every byte) as the largest cost of a masking pipe, and a table of byte pairs still stopped
 * at most words of a log: base64 forms of a few secrets hold nearly every pair of letters.
 */
final class ByteAutomaton {

  static final ByteAutomaton EMPTY = of(List.of());

  /** The widest sampling step: wider steps put more grams per pattern in the table. */
  private static final int MAX_STRIDE = 8;

  /**
   * Dense rows for the states nearest the root only (256 KiB, not the char automaton's 4 MiB): the
   * scan steps only around a gram that is in the table, so step speed matters little, and the
   * smaller table is made faster at start.
   */
  private static final int DENSE_ENTRIES = 1 << 16;

  /** Bytes per gram. */
  static final int GRAM = 4;

  private static final int TABLE_BITS = 20;

  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  final Automaton automaton;

  /** Sampling step at the root: the shortest pattern less 3 bytes, at most {@link #MAX_STRIDE}. */
  final int stride;

  /** The hashes of the grams found at offsets 0 .. stride − 1 of some pattern, as bits. */
  private final long[] grams = new long[1 << (TABLE_BITS - 6)];

  private ByteAutomaton(List<byte[]> patterns) {
    List<String> bytesAsChars = new ArrayList<>(patterns.size());
    int shortest = Integer.MAX_VALUE;
    for (byte[] p : patterns) {
      bytesAsChars.add(new String(p, StandardCharsets.ISO_8859_1));
      shortest = Math.min(shortest, p.length);
    }
    this.automaton = Automaton.of(bytesAsChars, DENSE_ENTRIES);
    this.stride =
        patterns.isEmpty() ? MAX_STRIDE : Math.max(1, Math.min(MAX_STRIDE, shortest - GRAM + 1));
    for (byte[] p : patterns) {
      for (int at = 0; at < stride && at + GRAM <= p.length; at++) {
        int h = hash((int) INTS.get(p, at));
        grams[h >>> 6] |= 1L << h;
      }
    }
  }

  /**
   * The automaton of these char patterns' UTF-8 bytes. A pattern with a lone surrogate is left out:
   * decoded output never holds one, so it can never match there.
   */
  static ByteAutomaton of(Collection<String> patterns) {
    List<byte[]> bytes = new ArrayList<>(patterns.size());
    for (String p : patterns) {
      if (!p.isEmpty() && wellFormed(p)) {
        bytes.add(p.getBytes(StandardCharsets.UTF_8));
      }
    }
    return new ByteAutomaton(bytes);
  }

  boolean isEmpty() {
    return automaton.isEmpty();
  }

  int next(int state, byte b) {
    return automaton.next(state, (char) (b & 0xFF));
  }

  /**
   * From the root at {@code from}: the first sampled position below {@code to} − 3 whose gram is in
   * the table, or one at or past {@code to} − 3 if none. A match that starts before the position
   * returned less {@link #stride} − 1 is not there.
   */
  int sample(byte[] text, int from, int to) {
    long[] table = grams;
    int step = stride;
    int last = to - GRAM + 1;
    int at = from + step - 1;
    while (at < last) {
      int h = hash((int) INTS.get(text, at));
      if ((table[h >>> 6] & (1L << h)) != 0) {
        break;
      }
      at += step;
    }
    return at;
  }

  private static int hash(int gram) {
    return (gram * 0x9E3779B1) >>> (32 - TABLE_BITS);
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
