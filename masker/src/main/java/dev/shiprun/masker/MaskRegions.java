package dev.shiprun.masker;

import java.io.IOException;
import java.util.Arrays;

/**
 * The ranges of a stream's text that are to be masked and are not fully written out yet, in
 * absolute stream positions: sorted, disjoint, overlapping matches merged into one range (so a
 * secret that contains another, or two overlapping secrets, become one mask). Ranges that only
 * touch stay apart: two secrets side by side show as two masks.
 */
final class MaskRegions {

  /** How many masks were written (each merged region once): the masker's match count. */
  long masks;

  private long[] start = new long[8];
  private long[] end = new long[8];

  /** Whether the range's mask is written already: it straddled an emit boundary. */
  private boolean[] written = new boolean[8];

  private int count;

  /** Whether no range is waiting to be written. */
  boolean isEmpty() {
    return count == 0;
  }

  /** Adds [from, to), merged with every range it overlaps. */
  void add(long from, long to) {
    int first = count;
    while (first > 0 && end[first - 1] > from) {
      first--;
    }
    int last = first;
    boolean wasWritten = false;
    while (last < count && start[last] < to) {
      from = Math.min(from, start[last]);
      to = Math.max(to, end[last]);
      wasWritten |= written[last];
      last++;
    }
    replace(first, last, from, to, wasWritten);
  }

  /**
   * Appends {@code text} from {@code base} up to {@code upTo} (absolute positions) to {@code out},
   * each range as one mask, and forgets the ranges that end there. A range that goes on past {@code
   * upTo} gets its mask now and swallows the rest of its text later.
   */
  void emit(char[] text, long base, long upTo, StringBuilder out) {
    try {
      emit(
          base,
          upTo,
          new Spans() {
            @Override
            public void text(long from, long to) {
              out.append(text, (int) (from - base), (int) (to - from));
            }

            @Override
            public void mask() {
              out.append(SecretMasker.MASK);
            }
          });
    } catch (IOException e) {
      throw new AssertionError("appending to a StringBuilder does not throw", e);
    }
  }

  /** Where {@link #emit(long, long, Spans)} writes: text between masks, and the masks. */
  interface Spans {
    /** The text at absolute positions [from, to), unmasked. */
    void text(long from, long to) throws IOException;

    void mask() throws IOException;
  }

  /**
   * The walk behind both emits: text between the ranges and one mask per range, written to {@code
   * out} (the byte stream's text is its held bytes and the chunk being written, not one array).
   */
  void emit(long base, long upTo, Spans out) throws IOException {
    long pos = base;
    for (int i = 0; i < count && start[i] < upTo; i++) {
      if (start[i] > pos) {
        out.text(pos, start[i]);
      }
      if (!written[i]) {
        out.mask();
        written[i] = true;
        masks++;
      }
      pos = Math.min(end[i], upTo);
      if (end[i] > upTo) {
        start[i] = upTo;
        break;
      }
    }
    if (upTo > pos) {
      out.text(pos, upTo);
    }
    int done = 0;
    while (done < count && end[done] <= upTo) {
      done++;
    }
    remove(0, done);
  }

  /** Ranges [first, last) become one range [from, to). */
  private void replace(int first, int last, long from, long to, boolean wasWritten) {
    if (first == last) {
      if (count == start.length) {
        start = Arrays.copyOf(start, count * 2);
        end = Arrays.copyOf(end, count * 2);
        written = Arrays.copyOf(written, count * 2);
      }
      shift(first, first + 1);
    } else {
      remove(first + 1, last);
    }
    start[first] = from;
    end[first] = to;
    written[first] = wasWritten;
  }

  private void remove(int first, int last) {
    shift(last, first);
  }

  /** Moves the ranges from index {@code from} on to index {@code to}, and fixes the count. */
  private void shift(int from, int to) {
    System.arraycopy(start, from, start, to, count - from);
    System.arraycopy(end, from, end, to, count - from);
    System.arraycopy(written, from, written, to, count - from);
    count += to - from;
  }
}
