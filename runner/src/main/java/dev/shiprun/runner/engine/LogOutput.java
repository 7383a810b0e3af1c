package dev.shiprun.runner.engine;

import dev.shiprun.runner.exec.OutputSink;
import dev.shiprun.spi.ScriptOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A script's output into the job's log, where it is masked and stored. */
final class LogOutput implements ScriptOutput {

  private final JobLog log;

  LogOutput(JobLog log) {
    this.log = log;
  }

  @Override
  public void write(Stream stream, byte[] bytes, int offset, int length) {
    OutputSink.Raw raw = log.raw(channel(stream));
    ByteArrayInputStream in = new ByteArrayInputStream(bytes, offset, length);
    try {
      while (raw.fill(in) > 0) {
        raw.deliver();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void end(Stream stream) {
    log.raw(channel(stream)).end();
  }

  private static OutputSink.Channel channel(Stream stream) {
    return stream == Stream.STDOUT ? OutputSink.Channel.STDOUT : OutputSink.Channel.STDERR;
  }
}
