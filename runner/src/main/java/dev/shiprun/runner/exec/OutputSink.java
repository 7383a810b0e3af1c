package dev.shiprun.runner.exec;

import dev.shiprun.masker.OutputLines.Intake;
import java.util.Optional;

/**
 * Where the output of a launched script goes: each channel's bytes as they arrive, then its end.
 * This is the one boundary every byte of job output crosses (the secret masker sits here).
 *
 * <p>Bytes come as the process wrote them, in reads of any size cut anywhere (inside a line, inside
 * a UTF-8 character); the sink makes lines of them. {@link #end} says that the channel's stream of
 * this launch is over: what the sink still holds (a last line without a newline) is to go on. The
 * launcher calls {@link #write} and {@link #end} from its own threads but never two at once for one
 * launch, so an implementation needs no locking of its own unless it is shared between launches.
 * The bytes of one channel arrive in order; the order between stdout and stderr is only as good as
 * the arrival order.
 */
public interface OutputSink {

  /** Where a longer line is cut into pieces, each stored and shown as a line. */
  int MAX_LINE_BYTES = 1 << 20;

  /** Which stream of the process the bytes came from. */
  enum Channel {
    STDOUT,
    STDERR
  }

  /** Bytes {@code [off, off + len)} of {@code bytes}, read from {@code channel}. */
  void write(Channel channel, byte[] bytes, int off, int len);

  /** The channel's stream of this launch ended: what is held back is handed on. */
  void end(Channel channel);

  /**
   * Where to read the channel's next bytes, if the sink lends a part of its own buffer for that
   * (then {@link #filled} hands them over without a copy); empty if it takes them by {@link
   * #write}. A sink that sends both channels to one place must not lend: each channel's reader
   * needs a buffer of its own.
   */
  default Optional<Intake> intake(Channel channel) {
    return Optional.empty();
  }

  /** {@code count} bytes were read into {@code intake}, the one {@link #intake} lent last. */
  default void filled(Channel channel, Intake intake, int count) {
    throw new UnsupportedOperationException("this sink lends no intake");
  }
}
