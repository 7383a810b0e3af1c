package dev.shiprun.masker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link MaskingStream} for output that is bytes: masks one stream of UTF-8 bytes that arrives in
 * pieces of any size, writing what is final after each piece to an {@link OutputStream}, so that
 * text with nothing to mask is written straight from the caller's buffer, in one write per piece,
 * with no object made for it. What a match still to come could cover (at most the longest pattern
 * less one byte, never past a line end) is held back until the next piece.
 *
 * <p>The result is the char stream's for the same text: the same masks over the same text (see
 * {@link ByteAutomaton} for why bytes match where chars do), a match cut at the line end before it.
 * Bytes that are not valid UTF-8 are copied as they are and never part of a match, as their U+FFFD
 * would not be: the caller that wants the char stream's U+FFFD in its output replaces them before
 * ({@link OutputLines} does).
 *
 * <p>One writer at a time: a stream is not thread-safe (the masker it reads from is).
 */
public final class ByteMaskingStream {

  private static final byte[] MASK = SecretMasker.MASK.getBytes(StandardCharsets.US_ASCII);

  private final SecretMasker masker;
  private ByteAutomaton automaton;
  private int state;

  /** Bytes read but not written out: held[0, length) starts at absolute position base. */
  private byte[] held = new byte[256];

  private int length;
  private long base;

  private final MaskRegions regions = new MaskRegions();

  /** The long patterns being read on, and where their matches go. */
  private final Tails tails = new Tails();

  private final Tails.Found found = (end, pattern) -> mark(end, pattern.length());

  /** The piece being written, after the held bytes: chunk[chunkOff…] is at absolute chunkAt. */
  private byte[] chunk = held;

  private int chunkOff;
  private long chunkAt;
  private OutputStream out;

  private final MaskRegions.Spans spans =
      new MaskRegions.Spans() {
        @Override
        public void text(long from, long to) throws IOException {
          copy(from, to);
        }

        @Override
        public void mask() throws IOException {
          out.write(MASK);
        }
      };

  ByteMaskingStream(SecretMasker masker) {
    this.masker = masker;
    this.automaton = masker.byteAutomaton();
  }

  /** How many secrets this stream has masked so far (overlapping matches count once). */
  public long masked() {
    return regions.masks;
  }

  /** How many bytes are held back now. */
  int held() {
    return length;
  }

  /** Reads {@code text[off, off + len)} and writes to {@code out} what is final now, masked. */
  public void write(byte[] text, int off, int len, OutputStream out) throws IOException {
    widen();
    long at = base + length;
    view(text, off, at, out);
    scan(text, off, off + len, at - off);
    long end = at + len;
    long hold = automaton.automaton.hold(state);
    if (!tails.isEmpty()) {
      hold = Math.max(hold, end - tails.oldest());
    }
    long upTo = Math.max(base, end - hold); // before base: out already
    for (long p = end - 1; p >= upTo; p--) { // no match reaches back over a line end
      if (byteAt(p) == '\n') {
        upTo = p + 1;
        break;
      }
    }
    emit(upTo, end);
  }

  /** Ends the stream: writes everything held back, masked. Bytes written later start afresh. */
  public void flush(OutputStream out) throws IOException {
    widen();
    long end = base + length;
    view(held, 0, end, out);
    emit(end, end);
    state = 0;
    tails.clear();
  }

  private void view(byte[] text, int off, long at, OutputStream out) {
    this.chunk = text;
    this.chunkOff = off;
    this.chunkAt = at;
    this.out = out;
  }

  private byte byteAt(long p) {
    return p < chunkAt ? held[(int) (p - base)] : chunk[chunkOff + (int) (p - chunkAt)];
  }

  /**
   * Runs the automaton over text[from, to) (text[i] at absolute position shift + i), noting every
   * match, then reads the long patterns it found the start of on ({@link Tails}). At the root it
   * samples grams ({@link ByteAutomaton#sample}) and steps only from where a match could start
   * around a gram that is in the table, until back at the root.
   */
  private void scan(byte[] text, int from, int to, long shift) {
    ByteAutomaton a = automaton;
    if (a.isEmpty()) {
      return;
    }
    Automaton steps = a.automaton;
    int s = state;
    int i = from;
    while (i < to) {
      int through;
      if (s == 0) {
        int hit = a.sample(text, i, to);
        i = Math.max(i, hit - a.stride + 1);
        // through the gram, or the whole tail whose grams were not read
        through = hit >= to - ByteAutomaton.GRAM + 1 ? to : hit + ByteAutomaton.GRAM;
      } else {
        through = i; // a match in progress from the last piece: step until it ends
      }
      do {
        s = a.next(s, text[i++]);
        int output = steps.output(s);
        if (output != 0) {
          found(steps, s, output, shift + i);
        }
      } while (i < to && (i < through || s != 0));
    }
    state = s;
    if (!tails.isEmpty()) {
      tails.read(text, to, shift, found);
    }
  }

  /** The automaton's {@code output} at {@code state}, reached at absolute position {@code end}. */
  private void found(Automaton steps, int state, int output, long end) {
    if ((output & Automaton.LENGTH) != 0) {
      mark(end, output & Automaton.LENGTH);
    }
    if ((output & Automaton.ANCHOR) != 0) {
      tails.anchor(steps, state, end);
    }
  }

  /** A match of {@code match} bytes ends at {@code end}: masked from its line's start at most. */
  private void mark(long end, int match) {
    long from = Math.max(end - match, base);
    for (long p = end - 1; p >= from; p--) {
      if (byteAt(p) == '\n') {
        from = p + 1;
        break;
      }
    }
    regions.add(from, end);
  }

  /**
   * Takes the masker's newest patterns, if they changed: the held-back bytes are read again with
   * them, from the root (the old state means nothing in the new automaton).
   */
  private void widen() {
    ByteAutomaton newest = masker.byteAutomaton();
    if (newest != automaton) {
      automaton = newest;
      state = 0;
      tails.clear();
      view(held, 0, base + length, out);
      scan(held, 0, length, base);
    }
  }

  /** Writes out [base, upTo), masked, and holds [upTo, end) back. */
  private void emit(long upTo, long end) throws IOException {
    if (regions.isEmpty()) {
      copy(base, upTo);
    } else {
      regions.emit(base, upTo, spans);
    }
    int keep = (int) (end - upTo);
    if (upTo < chunkAt) {
      int fromHeld = (int) (chunkAt - upTo);
      System.arraycopy(held, (int) (upTo - base), held, 0, fromHeld);
      room(keep);
      System.arraycopy(chunk, chunkOff, held, fromHeld, keep - fromHeld);
    } else if (keep > 0) {
      room(keep);
      System.arraycopy(chunk, chunkOff + (int) (upTo - chunkAt), held, 0, keep);
    }
    length = keep;
    base = upTo;
    chunk = held;
    out = null;
  }

  private void room(int size) {
    if (size > held.length) {
      held = Arrays.copyOf(held, Math.max(size, held.length * 2));
    }
  }

  /** Writes the unmasked bytes at absolute [from, to): held ones, then the piece's. */
  private void copy(long from, long to) throws IOException {
    if (from < chunkAt) {
      int end = (int) (Math.min(to, chunkAt) - base);
      out.write(held, (int) (from - base), end - (int) (from - base));
      from = chunkAt;
    }
    if (to > from) {
      out.write(chunk, chunkOff + (int) (from - chunkAt), (int) (to - from));
    }
  }
}
