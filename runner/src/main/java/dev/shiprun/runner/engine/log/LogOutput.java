package dev.shiprun.runner.engine.log;

import dev.shiprun.runner.exec.OutputSink;
import dev.shiprun.spi.ScriptOutput;

/** A script's output into the job's log, where it is masked and stored. */
public final class LogOutput implements ScriptOutput {

  private final JobLog log;

  public LogOutput(JobLog log) {
    this.log = log;
  }

  @Override
  public void write(Stream stream, byte[] bytes, int offset, int length) {
    log.write(channel(stream), bytes, offset, length);
  }

  @Override
  public void end(Stream stream) {
    log.end(channel(stream));
  }

  private static OutputSink.Channel channel(Stream stream) {
    return stream == Stream.STDOUT ? OutputSink.Channel.STDOUT : OutputSink.Channel.STDERR;
  }
}
