package dev.shiprun.masker;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Passes on whole lines only, each in as few writes as it came: the part of a line that has no
 * {@code \n} yet waits for it. Two channels of a job write to one log, and their lines must not be
 * cut into each other.
 */
final class LineGate extends OutputStream {

  private final OutputStream out;
  private byte[] partial = new byte[256];
  private int length;

  LineGate(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int end = off + len;
    int last = end - 1;
    while (last >= off && b[last] != '\n') {
      last--;
    }
    if (last < off) {
      keep(b, off, len);
      return;
    }
    int from = off;
    if (length > 0) { // the line begun before: completed, then out in one write
      int first = off;
      while (b[first] != '\n') {
        first++;
      }
      keep(b, off, first + 1 - off);
      out.write(partial, 0, length);
      length = 0;
      from = first + 1;
    }
    if (last >= from) {
      out.write(b, from, last + 1 - from);
    }
    keep(b, last + 1, end - last - 1);
  }

  /** Ends the line begun, if one was: it is written with a {@code \n}. */
  void endLine() throws IOException {
    if (length > 0) {
      keep(new byte[] {'\n'}, 0, 1);
      out.write(partial, 0, length);
      length = 0;
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  private void keep(byte[] b, int off, int len) {
    if (length + len > partial.length) {
      partial = Arrays.copyOf(partial, Math.max(length + len, partial.length * 2));
    }
    System.arraycopy(b, off, partial, length, len);
    length += len;
  }
}
