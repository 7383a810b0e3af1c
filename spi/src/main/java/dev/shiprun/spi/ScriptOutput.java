package dev.shiprun.spi;

/**
 * Where a script's output goes, as bytes, as they arrive: the job's log (masked there) or whatever
 * the caller reads. An executor calls {@link #write} and {@link #end} of one stream from one thread
 * at a time; the two streams may be written from two threads.
 */
public interface ScriptOutput {

  /** Which stream of the script the bytes came from. */
  enum Stream {
    STDOUT,
    STDERR
  }

  /** Bytes the script wrote, in order; {@code bytes} may be reused once this returns. */
  void write(Stream stream, byte[] bytes, int offset, int length);

  /** The stream ended: what is held back (a last line without a newline) is handed on. */
  void end(Stream stream);
}
