package dev.shiprun.runner.exec;

import dev.shiprun.spi.ScriptOutput;

/** Hands a launched script's bytes, as read, to an executor's {@link ScriptOutput}. */
public final class ScriptOutputSink implements OutputSink {

  private final ScriptOutput output;

  public ScriptOutputSink(ScriptOutput output) {
    this.output = output;
  }

  @Override
  public void write(Channel channel, byte[] bytes, int off, int len) {
    output.write(stream(channel), bytes, off, len);
  }

  @Override
  public void end(Channel channel) {
    output.end(stream(channel));
  }

  private static ScriptOutput.Stream stream(Channel channel) {
    return channel == Channel.STDOUT ? ScriptOutput.Stream.STDOUT : ScriptOutput.Stream.STDERR;
  }
}
