package dev.shiprun.runner.container;

import dev.shiprun.runner.exec.OutputSink;

/**
 * Hands both streams of an engine command that is not the script (a pull) to the script's stderr,
 * so that its stdout holds what the script printed and nothing of the engine's (an image ID).
 */
final class StderrOnly implements OutputSink {

  private final OutputSink next;

  StderrOnly(OutputSink next) {
    this.next = next;
  }

  @Override
  public void write(Channel channel, byte[] bytes, int off, int len) {
    next.write(Channel.STDERR, bytes, off, len);
  }

  @Override
  public void end(Channel channel) {
    if (channel == Channel.STDERR) {
      next.end(Channel.STDERR);
    }
  }
}
