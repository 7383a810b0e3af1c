package dev.shiprun.runner.exec;

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
 */
@FunctionalInterface
public interface OutputSink {

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
}
