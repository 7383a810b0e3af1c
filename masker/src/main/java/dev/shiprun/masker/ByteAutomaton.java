package dev.shiprun.masker;

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
 * <p>The automaton is the char {@link Automaton} over the chars 0..255, one per byte; when every
 * pattern is ASCII, its bytes are its chars and it is the masker's char automaton itself, made once
 * for both. What makes it fast is the skip: no pattern is shorter than {@link #stride} + 3 bytes,
 * so every occurrence holds a 4-byte gram at one of its first {@link #stride} offsets that starts
 * at a position sampled every {@link #stride} bytes. A scan at the root reads only those grams,
 * each one 4-byte read and one bit of a hashed table of the grams the patterns have there (about
 * 128 bits per gram, 1,024 per pattern at most, so that about one sampled position in a few hundred
 * passes it by chance; 1 KiB at least, 1 MiB at most), and runs the automaton only around a gram
 * that is in it. Profiling showed a one-byte table (stop at any byte that starts a pattern, read
 * every byte) as the largest cost of a masking pipe, and a table of byte pairs still stopped at
 * most words of a log: base64 forms of a few secrets hold nearly every pair of letters.
 */
final class ByteAutomaton {

  static final ByteAutomaton EMPTY = of(List.of(), Automaton.DEPTH, null);

  /** The widest sampling step: wider steps put more grams per pattern in the table. */
  private static final int MAX_STRIDE = 16;

  /** Bytes per gram. */
  static final int GRAM = 4;

  /**
   * Bits of the gram table per pattern, and the table's least and most bits: 128 per gram up to a
   * step of 8 bytes, no more for a wider one (twice the grams in the table, each read half as
   * often, for the same chance hits per byte in a table of the same size).
   */
  private static final int BITS_PER_PATTERN = 128 * 8;

  private static final int MIN_TABLE_BITS = 13;
  private static final int MAX_TABLE_BITS = 23;

  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  final Automaton automaton;

  /** Whether {@link #automaton} is the char automaton's, not this one's own. */
  private final boolean shared;

  /** Sampling step at the root: the shortest pattern less 3 bytes, at most {@link #MAX_STRIDE}. */
  final int stride;

  /** The hashes of the grams found at offsets 0 .. stride − 1 of some pattern, as bits. */
  private final long[] grams;

  /** 32 less the table's bits: a gram's hash is its product's top bits. */
  private final int shift;

  private ByteAutomaton(
      List<byte[]> patterns, List<String> bytesAsChars, int depth, Automaton chars) {
    int shortest = Integer.MAX_VALUE;
    for (byte[] p : patterns) {
      shortest = Math.min(shortest, p.length);
    }
    this.shared = chars != null;
    this.automaton = shared ? chars : Automaton.of(bytesAsChars, depth, Automaton.DENSE_ENTRIES);
    this.stride =
        patterns.isEmpty() ? MAX_STRIDE : Math.max(1, Math.min(MAX_STRIDE, shortest - GRAM + 1));
    long wanted = Math.max(1L, (long) patterns.size() * Math.min(BITS_PER_PATTERN, stride * 128));
    int bits = 64 - Long.numberOfLeadingZeros(wanted - 1);
    bits = Math.max(MIN_TABLE_BITS, Math.min(MAX_TABLE_BITS, bits));
    this.grams = new long[1 << (bits - 6)];
    this.shift = 32 - bits;
    for (byte[] p : patterns) {
      for (int at = 0; at < stride && at + GRAM <= p.length; at++) {
        int h = hash((int) INTS.get(p, at), shift);
        grams[h >>> 6] |= 1L << h;
      }
    }
  }

  /**
   * The automaton of these char patterns' UTF-8 bytes, its trie {@code depth} bytes deep. A pattern
   * with a lone surrogate is left out: decoded output never holds one, so it can never match there.
   * {@code chars}, if given, is the char automaton of the same patterns, all of them ASCII: it is
   * used as it is.
   */
  static ByteAutomaton of(Collection<String> patterns, int depth, Automaton chars) {
    List<byte[]> bytes = new ArrayList<>(patterns.size());
    List<String> bytesAsChars = new ArrayList<>(patterns.size());
    for (String p : patterns) {
      if (!p.isEmpty() && wellFormed(p)) {
        byte[] utf8 = p.getBytes(StandardCharsets.UTF_8);
        bytes.add(utf8);
        // an ASCII pattern is its own bytes: the string is shared, not copied
        bytesAsChars.add(
            utf8.length == p.length() ? p : new String(utf8, StandardCharsets.ISO_8859_1));
      }
    }
    return new ByteAutomaton(bytes, bytesAsChars, depth, chars);
  }

  boolean isEmpty() {
    return automaton.isEmpty();
  }

  int next(int state, byte b) {
    return automaton.next(state, (char) (b & 0xFF));
  }

  /**
   * The bytes of this automaton's gram table, and of its automaton unless that is the char
   * automaton's (counted there).
   */
  long footprint() {
    return Footprint.of(grams) + (shared ? 0 : automaton.footprint());
  }

  /**
   * From the root at {@code from}: the first sampled position below {@code to} − 3 whose gram is in
   * the table, or one at or past {@code to} − 3 if none. A match that starts before the position
   * returned less {@link #stride} − 1 is not there.
   */
  int sample(byte[] text, int from, int to) {
    long[] table = grams;
    int bits = shift;
    int step = stride;
    int last = to - GRAM + 1;
    int at = from + step - 1;
    while (at < last) {
      int h = hash((int) INTS.get(text, at), bits);
      if ((table[h >>> 6] & (1L << h)) != 0) {
        break;
      }
      at += step;
    }
    return at;
  }

  private static int hash(int gram, int shift) {
    return (gram * 0x9E3779B1) >>> shift;
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
