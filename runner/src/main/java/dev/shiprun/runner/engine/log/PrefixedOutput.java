package dev.shiprun.runner.engine.log;

import dev.shiprun.runner.exec.OutputSink;
import dev.shiprun.spi.ScriptOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A script's output into the job's log as whole lines, each with a prefix (such as {@code [3.2] }),
 * so that scripts writing to one log at once never share a line. A line longer than {@link
 * OutputSink#MAX_LINE_BYTES} is handed on in pieces, each a line.
 */
public final class PrefixedOutput implements ScriptOutput {

  private final OutputSink log;
  private final byte[] prefix;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  public PrefixedOutput(OutputSink log, String prefix) {
    this.log = log;
    this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void write(Stream stream, byte[] bytes, int offset, int length) {
    ByteArrayOutputStream held = held(stream);
    int start = offset;
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == '\n') {
        held.write(bytes, start, i + 1 - start);
        flush(stream, held);
        start = i + 1;
      } else if (held.size() + (i - start) >= OutputSink.MAX_LINE_BYTES) {
        held.write(bytes, start, i - start);
        held.write('\n');
        flush(stream, held);
        start = i;
      }
    }
    held.write(bytes, start, offset + length - start);
  }

  @Override
  public void end(Stream stream) {
    ByteArrayOutputStream held = held(stream);
    if (held.size() > 0) {
      held.write('\n');
      flush(stream, held);
    }
  }

  private ByteArrayOutputStream held(Stream stream) {
    return stream == Stream.STDOUT ? out : err;
  }

  /** One whole line, prefix first, in one write: the log takes it at once. */
  private void flush(Stream stream, ByteArrayOutputStream held) {
    byte[] line = new byte[prefix.length + held.size()];
    System.arraycopy(prefix, 0, line, 0, prefix.length);
    byte[] body = held.toByteArray();
    System.arraycopy(body, 0, line, prefix.length, body.length);
    held.reset();
    OutputSink.Channel channel =
        stream == Stream.STDOUT ? OutputSink.Channel.STDOUT : OutputSink.Channel.STDERR;
    log.write(channel, line, 0, line.length);
  }
}
