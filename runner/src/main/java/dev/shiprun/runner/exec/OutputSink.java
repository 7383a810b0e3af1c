package dev.shiprun.runner.exec;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the output of a launched script goes, one line at a time, as it arrives. This is the one
 * boundary every byte of job output crosses (the secret masker sits here).
 *
 * <p>Lines are decoded as UTF-8 (an invalid byte becomes U+FFFD), without their {@code \n} or
 * {@code \r\n}; a last line without a newline is delivered too. A line longer than 1 MiB arrives in
 * pieces of at most 1 MiB, cut between characters: each piece but the last through {@link #piece},
 * the last through {@link #line}. The launcher calls {@link #line} from its own threads but never
 * twice at once for one launch, so an implementation needs no locking of its own unless it is
 * shared between launches. Lines of one channel arrive in order; the order between stdout and
 * stderr is only as good as the arrival order.
 *
 * <p>A sink that cuts and decodes lines itself (JobLog: it masks the bytes as they are, without
 * decoding them) offers a {@link Raw} per channel; the launcher then gives it the bytes, and none
 * of the line calls.
 */
@FunctionalInterface
public interface OutputSink {

  /** Where a longer line is cut into pieces. */
  int MAX_LINE_BYTES = 1 << 20;

  /** Which stream of the process a line came from. */
  enum Channel {
    STDOUT,
    STDERR
  }

  void line(Channel channel, String text);

  /**
   * A piece of a line longer than 1 MiB: more of the same line follows, and its last piece comes
   * through {@link #line}. By default a piece is a line of its own; a sink that must see the text
   * across the cut (the secret masker) overrides this.
   */
  default void piece(Channel channel, String text) {
    line(channel, text);
  }

  /** The channel's bytes as read, if this sink takes them: null (the default) for lines. */
  default Raw raw(Channel channel) {
    return null;
  }

  /**
   * One channel's bytes, read on the launcher's reader thread: {@link #fill} then {@link #deliver},
   * until the stream ends, then {@link #end}. The launcher calls {@link #deliver} and {@link #end}
   * of one launch one at a time, as it calls {@link #line}.
   */
  interface Raw {
    /** Reads once into the sink's own buffer (blocks; holds no lock); -1 at the stream's end. */
    int fill(InputStream in) throws IOException;

    /** Hands on what was read. */
    void deliver();

    /** Forgets what was read: it is not to be delivered (the launch stopped listening). */
    void discard();

    /** The stream ended: what is left is handed on (a last line without a newline too). */
    void end();
  }
}
