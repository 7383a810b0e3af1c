package dev.shiprun.runner.exec;

import dev.shiprun.masker.Utf8Cut;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a byte stream into lines: at {@code \n} (a {@code \r} before it is dropped), at the end of
 * the stream, and before a line grows past {@code maxLineBytes} (cut between UTF-8 characters).
 * Lines are decoded as UTF-8; invalid bytes become U+FFFD.
 */
final class LineSplitter {

  /** Where the text goes: {@code lineEnds} is false for a piece of a line cut for its length. */
  @FunctionalInterface
  interface Receiver {
    void accept(String text, boolean lineEnds);
  }

  static final int MAX_LINE_BYTES = OutputSink.MAX_LINE_BYTES;

  private final Receiver lines;
  private final int maxLineBytes;
  private byte[] buffer = new byte[512];
  private int length;

  LineSplitter(Receiver lines, int maxLineBytes) {
    if (maxLineBytes < 4) {
      throw new IllegalArgumentException("a line must hold at least one character");
    }
    this.lines = lines;
    this.maxLineBytes = maxLineBytes;
  }

  void accept(byte[] bytes, int offset, int count) {
    int start = offset;
    int end = offset + count;
    for (int i = offset; i < end; i++) {
      if (bytes[i] == '\n') {
        append(bytes, start, i - start);
        emitLine();
        start = i + 1;
      }
    }
    append(bytes, start, end - start);
  }

  /** The end of the stream: a last line without a newline is still a line. */
  void finish() {
    if (length > 0) {
      emit(length, length, true);
    }
  }

  private void append(byte[] bytes, int offset, int count) {
    while (count > 0) {
      if (length == maxLineBytes) { // more is coming: cut here, not after the newline
        int cut = Utf8Cut.before(buffer, 0, length);
        emit(cut, cut, false);
      }
      int taken = Math.min(maxLineBytes - length, count);
      if (length + taken > buffer.length) {
        buffer =
            Arrays.copyOf(buffer, Math.min(maxLineBytes, Math.max(length + taken, length * 2)));
      }
      System.arraycopy(bytes, offset, buffer, length, taken);
      length += taken;
      offset += taken;
      count -= taken;
    }
  }

  private void emitLine() {
    int end = length > 0 && buffer[length - 1] == '\r' ? length - 1 : length;
    emit(end, length, true);
  }

  /** Delivers bytes [0, end) and drops [0, consumed) from the buffer. */
  private void emit(int end, int consumed, boolean lineEnds) {
    lines.accept(new String(buffer, 0, end, StandardCharsets.UTF_8), lineEnds);
    System.arraycopy(buffer, consumed, buffer, 0, length - consumed);
    length -= consumed;
  }
}
