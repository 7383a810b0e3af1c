package dev.shiprun.runner.container;

import dev.shiprun.runner.exec.OutputSink;
import java.nio.charset.StandardCharsets;

/**
 * Hands a container command's output on and keeps the end of its stderr, from which a failure of
 * the engine itself (a refused pull, an image it cannot run) is told in one line.
 */
final class TailSink implements OutputSink {

  private static final int KEEP_BYTES = 4096;

  private final OutputSink next;
  private final byte[] tail = new byte[KEEP_BYTES];
  private int kept;

  TailSink(OutputSink next) {
    this.next = next;
  }

  @Override
  public void write(Channel channel, byte[] bytes, int off, int len) {
    next.write(channel, bytes, off, len);
    if (channel == Channel.STDERR) {
      keep(bytes, off, len);
    }
  }

  @Override
  public void end(Channel channel) {
    next.end(channel);
  }

  /** Everything kept of stderr. */
  synchronized String stderr() {
    return new String(tail, 0, kept, StandardCharsets.UTF_8);
  }

  /** The last line of stderr that is not blank, or empty text. */
  String lastLine() {
    String[] lines = stderr().strip().split("\\R");
    return lines.length == 0 ? "" : lines[lines.length - 1].strip();
  }

  private synchronized void keep(byte[] bytes, int off, int len) {
    if (len >= KEEP_BYTES) {
      System.arraycopy(bytes, off + len - KEEP_BYTES, tail, 0, KEEP_BYTES);
      kept = KEEP_BYTES;
      return;
    }
    int drop = Math.max(0, kept + len - KEEP_BYTES);
    System.arraycopy(tail, drop, tail, 0, kept - drop);
    kept -= drop;
    System.arraycopy(bytes, off, tail, kept, len);
    kept += len;
  }
}
