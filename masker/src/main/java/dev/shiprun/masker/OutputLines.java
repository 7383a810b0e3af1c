package dev.shiprun.masker;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One channel of a job's output, from the bytes the process writes to the masked lines the engine
 * stores and shows, without decoding what needs no change: the same visible result as decoding each
 * line and masking it with one {@link MaskingStream} per channel.
 *
 * <ul>
 *   <li>Lines end at {@code \n}; a {@code \r} right before it is dropped. A last line without a
 *       {@code \n} gets one.
 *   <li>A line longer than {@code maxLineBytes} is cut there (before an incomplete UTF-8 char),
 *       each piece a line of its own; a secret across the cut is still masked.
 *   <li>Bytes that are not UTF-8 become U+FFFD, as decoding them would make them.
 *   <li>A line that starts with the control prefix goes to the {@link Control} (without the prefix
 *       and its line end), not to the output, and the masker never sees it.
 *   <li>Everything else goes through a {@link ByteMaskingStream} to {@code out}, in whole lines
 *       only ({@link LineGate}), so that two channels written to one log interleave by lines.
 * </ul>
 *
 * <p>Lines cost nothing of their own: a scan for the bytes that need care ({@code \n}, {@code \r},
 * bytes from 0x80) reads 8 bytes at a time, and the text between them goes to the masker as one
 * span of the read buffer. A reader that reads into the channel's own buffer ({@link #intake},
 * {@link #filled}) has the bytes masked where the read put them: the read is their only copy.
 *
 * <p>Not thread-safe: one call at a time. Only the bytes of an intake are written outside a call,
 * by its reader, into a part of the buffer nothing else touches until they are handed back.
 */
public final class OutputLines {

  /** Where a control line goes: its text after the prefix, without its line end. */
  @FunctionalInterface
  public interface Control {
    void line(byte[] text, int off, int len) throws IOException;
  }

  /**
   * A part of the channel's buffer lent out for one read straight into it ({@link #intake}), so
   * that the bytes read are masked where they land, with no copy: {@code bytes[off, off + len)}.
   */
  public record Intake(byte[] bytes, int off, int len) {}

  /** The size of the writes it is made for (a pipe's worth): big writes, few calls. */
  public static final int READ_BYTES = 64 << 10;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final long LF = 0x0A0A0A0A0A0A0A0AL;
  private static final long CR = 0x0D0D0D0D0D0D0D0DL;
  private static final long BELOW_CR = 0x0E0E0E0E0E0E0E0EL;
  private static final byte[] LINE_END = {'\n'};

  private final ByteMaskingStream masking;
  private final LineGate out;
  private final int maxLineBytes;
  private final byte[] prefix;
  private final Control control;

  /** Bytes read: [0, filled), of which those before the last round's end were carried over. */
  private byte[] buffer = new byte[READ_BYTES + 64];

  private int filled;

  /** Where the current line (or piece of a line) started, as an index of buffer (may be < 0). */
  private int lineBase;

  private boolean atLineStart = true;
  private long lines;

  /** The intake lent out and not yet handed back, if one is: its part of buffer is its reader's. */
  private Intake lent;

  public OutputLines(
      ByteMaskingStream masking,
      OutputStream out,
      int maxLineBytes,
      byte[] prefix,
      Control control) {
    if (maxLineBytes < 4) {
      throw new IllegalArgumentException("a line must hold at least one character");
    }
    this.masking = masking;
    this.out = new LineGate(out);
    this.maxLineBytes = maxLineBytes;
    this.prefix = prefix.clone();
    this.control = control;
  }

  /** How many lines were read (control lines too; a line cut for its length counts once). */
  public long lines() {
    return lines;
  }

  /** How many secrets were masked so far. */
  public long masked() {
    return masking.masked();
  }

  /**
   * Bytes of the channel, as read (cut anywhere): copied into this channel's buffer, and masked and
   * written out as far as can be decided (whole lines). {@link #intake} saves the copy.
   */
  public void write(byte[] bytes, int off, int len) throws IOException {
    giveUp();
    room(len);
    System.arraycopy(bytes, off, buffer, filled, len);
    filled += len;
    process(false);
  }

  /**
   * Where to read the channel's next bytes: the free part of its buffer, after the bytes kept from
   * the last read. Hand it back with {@link #filled}. An intake still lent out is given up (its
   * reader may still write into it): the channel goes on in a buffer of its own.
   */
  public Intake intake() {
    giveUp();
    if (buffer.length - filled < READ_BYTES / 2) {
      room(READ_BYTES);
    }
    lent = new Intake(buffer, filled, buffer.length - filled);
    return lent;
  }

  /**
   * {@code count} bytes were read into {@code intake}, the one lent last: they are masked and
   * written out as far as can be decided (whole lines), as by {@link #write}.
   */
  public void filled(Intake intake, int count) throws IOException {
    if (intake != lent || count < 0 || count > intake.len()) {
      throw new IllegalStateException("filled: not the intake lent last, or more than it holds");
    }
    lent = null;
    filled += count;
    process(false);
  }

  /** The end of the stream: the last line, what the masker held back, all written out. */
  public void finish() throws IOException {
    giveUp();
    process(true);
    if (filled > lineBase) { // a last line without a line end is still a line
      masking.write(LINE_END, 0, 1, out);
      lines++;
    }
    filled = 0;
    lineBase = 0;
    atLineStart = true;
    masking.flush(out);
    out.endLine();
    out.flush();
  }

  /**
   * Leaves the buffer to the reader of an intake not handed back; goes on in a copy of its bytes.
   */
  private void giveUp() {
    if (lent != null) {
      byte[] own = new byte[buffer.length];
      System.arraycopy(buffer, 0, own, 0, filled);
      buffer = own;
      lent = null;
    }
  }

  private void room(int more) {
    if (buffer.length - filled < more) {
      buffer = Arrays.copyOf(buffer, Math.max(filled + more, buffer.length * 2));
    }
  }

  /**
   * Masks and writes out buffer[0, filled); keeps what cannot be decided yet (a {@code \r} at the
   * end, an incomplete char, a possible control line, the bytes before a possible cut) for the next
   * read, unless {@code last}.
   */
  private void process(boolean last) throws IOException {
    byte[] b = buffer;
    int end = filled;
    int span = 0; // buffer[span, i) is to go to the masker as it is
    int i = 0;
    int keep = end; // where the bytes kept for the next read start
    scan:
    while (i < end) {
      if (atLineStart && prefix.length > 0 && b[i] == prefix[0]) {
        int next = controlLine(b, i, end, last);
        if (next < 0) { // undecided: wait for the line end
          keep = i;
          break;
        }
        if (next > i) { // a control line, consumed
          send(span, i);
          span = i = next;
          lineBase = next;
          continue;
        }
      }
      atLineStart = false;
      i = plain(b, i, Math.min(end, lineBase + maxLineBytes), end);
      int limit = lineBase + maxLineBytes; // the byte there would be one too many for the line
      int stop = Math.min(end, limit);
      int j = special(b, i, stop);
      if (j == stop) {
        if (j == end) {
          if (!last && end > limit - 4) { // the cut may need these bytes: keep them, whole chars
            keep = Math.max(span, limit - 4);
            while (keep > span && (b[keep] & 0xC0) == 0x80) {
              keep--;
            }
          }
          i = end;
          break;
        }
        if (b[j] != '\n') {
          int at = Math.max(span, cut(b, j));
          send(span, at);
          out.write(LINE_END, 0, 1); // a piece's line end, not text: the masker does not see it
          span = i = lineBase = at;
          continue;
        }
      }
      byte c = b[j];
      if (c == '\n') {
        if (j > Math.max(lineBase, 0) && b[j - 1] == '\r') { // \r\n: the \r is not text
          send(span, j - 1);
          span = j;
        }
        lines++;
        i = lineBase = j + 1;
        atLineStart = true;
      } else if (c == '\r') {
        if (j + 1 == end && !last) {
          keep = j;
          break;
        }
        i = j + 1;
      } else {
        int k = j;
        while (k < stop && b[k] < 0) {
          int n = sequence(b, k, stop);
          if (n > 0) {
            k += n;
          } else if (n == 0 && !last && stop == end) { // the rest of the char is still to come
            keep = k;
            break scan;
          } else if (n == 0 && stop < end && b[stop] != '\n') { // a char across the cut: cut before
            i = stop;
            continue scan;
          } else { // not UTF-8: the bytes up to the next ASCII one become what decoding makes
            int q = k;
            while (q < stop && b[q] < 0) {
              q++;
            }
            if (q == end && !last) { // the run may go on in the next read
              keep = k;
              break scan;
            }
            if (q == limit && limit < end && b[limit] != '\n') { // cut first: the rest waits
              q = Math.max(k, cut(b, limit));
            }
            send(span, k);
            byte[] decoded =
                new String(b, k, q - k, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            masking.write(decoded, 0, decoded.length, out);
            span = k = q;
            if (k < stop && b[k] < 0) { // the bytes after the cut
              i = stop;
              continue scan;
            }
          }
        }
        i = k;
      }
    }
    int from = Math.max(span, keep);
    send(span, from);
    System.arraycopy(b, from, b, 0, end - from);
    filled = end - from;
    lineBase -= from;
    out.flush();
  }

  private void send(int from, int to) throws IOException {
    if (to > from) {
      masking.write(buffer, from, to - from, out);
    }
  }

  /**
   * A line that starts at {@code i} with the prefix's first byte: the index after its line end if
   * it is a control line (handed over), {@code i} if it is not, -1 if that cannot be told yet.
   */
  private int controlLine(byte[] b, int i, int end, boolean last) throws IOException {
    int nl = i;
    int most = Math.min(end, i + maxLineBytes + 1); // a line of the most bytes, then its \n
    while (nl < most && b[nl] != '\n') {
      nl++;
    }
    boolean ended = nl < most || (last && nl == end);
    int text = nl;
    if (nl < end && nl > i && b[nl - 1] == '\r') {
      text--;
    }
    int known = Math.min(text, i + prefix.length);
    if (!Arrays.equals(b, i, known, prefix, 0, known - i)) {
      return i;
    }
    if (!ended) {
      return nl - i <= maxLineBytes ? -1 : i; // a line that long is cut, and not a control line
    }
    if (text - i < prefix.length) {
      return i;
    }
    control.line(b, i + prefix.length, text - i - prefix.length);
    if (nl < end) {
      lines++;
      return nl + 1;
    }
    return end;
  }

  /** Where to cut a line that is full at {@code limit}: before an incomplete char at its end. */
  private int cut(byte[] b, int limit) {
    return Utf8Cut.before(b, lineBase, limit);
  }

  /**
   * Passes over text and line ends that need nothing but counting, 8 bytes at a time, from {@code
   * i} while the 8 bytes end by {@code stop} and one more byte is there: returns the first index
   * whose 8 bytes hold a {@code \r}, a byte from 0x80 or a line end followed by the control
   * prefix's first byte (the slow path looks at those). Profiling showed one call of {@link
   * #special} per line as a fifth of the time of a masking pipe.
   */
  private int plain(byte[] b, int i, int stop, int end) {
    boolean controls = prefix.length > 0;
    long first = controls ? (prefix[0] & 0xFFL) * ONES : 0;
    long count = 0;
    int base = lineBase;
    int last = Math.min(stop, end - 1) - 8; // the last start of 8 bytes with one more after them
    while (i <= last) {
      long x = (long) LONGS.get(b, i);
      // a cheap test that most 8 bytes of a log pass: no byte is below 0x0E (\n, \r, a tab ...)
      // or from 0x80; (b | 0x80) - 0x0E keeps its high bit for every byte from 0x0E on, with no
      // borrow from one byte to the next
      if (((~((x | HIGH) - BELOW_CR) | x) & HIGH) != 0) {
        if ((zeros(x ^ CR) | (x & HIGH)) != 0) {
          break;
        }
        long ends = zeros(x ^ LF);
        if (ends == 0) { // a tab or another control byte: nothing to do
          i += 8;
          continue;
        }
        if (controls && (zeros((long) LONGS.get(b, i + 1) ^ first) & ends) != 0) {
          break;
        }
        if ((ends & 0x80) != 0 && i > 0 && b[i - 1] == '\r') { // a \r to drop, just before
          break;
        }
        count += Long.bitCount(ends);
        base = i + ((63 - Long.numberOfLeadingZeros(ends)) >>> 3) + 1;
      }
      i += 8;
    }
    lines += count;
    lineBase = base;
    return i;
  }

  /** The high bit of each zero byte of {@code v}, exactly (no borrow from a byte below). */
  private static long zeros(long v) {
    long low = 0x7F7F7F7F7F7F7F7FL;
    return ~(((v & low) + low) | v | low);
  }

  /**
   * The first index from {@code i} on, below {@code end}, of {@code \n}, {@code \r} or a byte ≥
   * 0x80.
   */
  static int special(byte[] b, int i, int end) {
    for (; i + 8 <= end; i += 8) {
      long x = (long) LONGS.get(b, i);
      long lf = x ^ LF;
      long cr = x ^ CR;
      // a zero byte of lf or cr, or a high bit of x; the lowest one found is exact
      long found = (((lf - ONES) & ~lf) | ((cr - ONES) & ~cr) | x) & HIGH;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < end; i++) {
      byte c = b[i];
      if (c == '\n' || c == '\r' || c < 0) {
        return i;
      }
    }
    return end;
  }

  /**
   * The UTF-8 char at {@code k} (its first byte ≥ 0x80): its length if it is well-formed and ends
   * before {@code end}, 0 if what there is of it is well-formed but ends at {@code end}, -1 if it
   * is not UTF-8 (the Unicode standard's table 3-7: no overlong form, no surrogate, nothing past
   * U+10FFFF, which is what Java decodes without U+FFFD).
   */
  static int sequence(byte[] b, int k, int end) {
    int c = b[k] & 0xFF;
    int size;
    int low = 0x80;
    int high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      size = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      size = 3;
      low = c == 0xE0 ? 0xA0 : 0x80;
      high = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      size = 4;
      low = c == 0xF0 ? 0x90 : 0x80;
      high = c == 0xF4 ? 0x8F : 0xBF;
    } else {
      return -1;
    }
    for (int n = 1; n < size; n++) {
      if (k + n >= end) {
        return 0;
      }
      int next = b[k + n] & 0xFF;
      if (n == 1 ? next < low || next > high : (next & 0xC0) != 0x80) {
        return -1;
      }
    }
    return size;
  }
}
