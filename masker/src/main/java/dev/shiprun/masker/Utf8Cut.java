package dev.shiprun.masker;

/**
 * Where to cut a line that is full, so that an incomplete UTF-8 character at its end moves on to
 * the next piece instead of being split. Judged by the character's first byte alone, as the
 * runner's line splitting has always cut; shared by it and {@link OutputLines}.
 */
public final class Utf8Cut {

  private Utf8Cut() {}

  /**
   * The end to cut {@code bytes[from, end)} at: {@code end}, or the start of an incomplete
   * character in its last three bytes. {@code from} may be negative: the line began in an earlier
   * buffer, and only the bytes of this one are looked at.
   */
  public static int before(byte[] bytes, int from, int end) {
    for (int back = 1; back <= 3 && back < end - from && back <= end; back++) {
      int b = bytes[end - back] & 0xFF;
      if ((b & 0xC0) == 0x80) {
        continue;
      }
      int size = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      return size > back ? end - back : end;
    }
    return end;
  }
}
