package dev.shiprun.masker;

/**
 * Bytes an object takes on the heap of a 64-bit JVM with compressed references (the default below
 * 32 GiB): 16 bytes of array header, 4 per reference, sizes rounded up to 8. The masker adds up its
 * arrays and strings with these, so that a test can hold its memory to a bound without measuring
 * the heap.
 */
final class Footprint {

  private static final int ARRAY = 16;
  private static final int REF = 4;

  /** A String's own fields (header, hash, coder, the array's reference). */
  private static final int STRING = 24;

  /** A LinkedHashMap entry (key, value, hash, next, before, after) and its table slot. */
  static final int SET_ENTRY = 40 + 2 * REF;

  private Footprint() {}

  static long of(int[] a) {
    return array(4L * a.length);
  }

  static long of(char[] a) {
    return array(2L * a.length);
  }

  static long of(byte[] a) {
    return array(a.length);
  }

  static long of(boolean[] a) {
    return array(a.length);
  }

  static long of(long[] a) {
    return array(8L * a.length);
  }

  /** An array of {@code length} references. */
  static long ofRefs(int length) {
    return array((long) REF * length);
  }

  /** A string and its array: one byte per char when every char is below 256, else two. */
  static long of(String s) {
    int perChar = 1;
    for (int i = 0; i < s.length() && perChar == 1; i++) {
      perChar = s.charAt(i) < 256 ? 1 : 2;
    }
    return STRING + array((long) perChar * s.length());
  }

  private static long array(long content) {
    return (ARRAY + content + 7) & ~7L;
  }
}
