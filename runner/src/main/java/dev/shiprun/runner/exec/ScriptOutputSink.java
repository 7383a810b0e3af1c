package dev.shiprun.runner.exec;

import dev.shiprun.spi.ScriptOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/** Hands a launched script's bytes, as read, to an executor's {@link ScriptOutput}. */
final class ScriptOutputSink implements OutputSink {

  private static final int READ_BYTES = 64 * 1024;

  private final ScriptOutput output;
  private final Map<Channel, Raw> channels = new EnumMap<>(Channel.class);

  ScriptOutputSink(ScriptOutput output) {
    this.output = output;
  }

  /** A line of the launcher's own (a containment problem), as a line of the channel. */
  @Override
  public void line(Channel channel, String text) {
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    output.write(stream(channel), bytes, 0, bytes.length);
  }

  @Override
  public synchronized Raw raw(Channel channel) {
    return channels.computeIfAbsent(channel, Bytes::new);
  }

  private static ScriptOutput.Stream stream(Channel channel) {
    return channel == Channel.STDOUT ? ScriptOutput.Stream.STDOUT : ScriptOutput.Stream.STDERR;
  }

  /** One channel: what the last read brought, until it is delivered or discarded. */
  private final class Bytes implements Raw {
    private final ScriptOutput.Stream stream;
    private final byte[] buffer = new byte[READ_BYTES];
    private int read;

    Bytes(Channel channel) {
      this.stream = stream(channel);
    }

    @Override
    public int fill(InputStream in) throws IOException {
      int n = in.read(buffer);
      read = Math.max(n, 0);
      return n;
    }

    @Override
    public void deliver() {
      if (read > 0) {
        output.write(stream, buffer, 0, read);
        read = 0;
      }
    }

    @Override
    public void discard() {
      read = 0;
    }

    @Override
    public void end() {
      deliver();
      output.end(stream);
    }
  }
}
