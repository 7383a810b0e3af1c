package dev.shiprun.masker;

import java.util.Arrays;

/**
 * Masks one stream of text that arrives in pieces of any size: a secret split across two writes is
 * still masked. Each call returns the text that is final so far, masked; what a match still to come
 * could cover is held back, at most the longest pattern less one char, and never past a line end,
 * so live output lags by less than a line.
 *
 * <p>A match is never carried back over a line end: the part of a multi-line match on earlier lines
 * is already out, masked only where each of those lines matched on its own (every line of a
 * multi-line secret is a pattern). Patterns registered while the stream runs apply to the text not
 * written out yet.
 *
 * <p>One writer at a time: a stream is not thread-safe (the masker it reads from is).
 */
public final class MaskingStream {

  private final SecretMasker masker;
  private Automaton automaton;
  private int state;

  /** Text read but not written out: held[0, length) starts at absolute position base. */
  private char[] held = new char[256];

  private int length;
  private long base;

  /** Absolute position after the last line end read: no mask reaches back before it. */
  private long lineStart;

  private final MaskRegions regions = new MaskRegions();

  /** The long patterns being read on, and where their matches go. */
  private final Tails tails = new Tails();

  private final Tails.Found found = this::longMatch;

  MaskingStream(SecretMasker masker) {
    this.masker = masker;
    this.automaton = masker.automaton();
  }

  /** How many secrets this stream has masked so far (overlapping matches count once). */
  public long masked() {
    return regions.masks;
  }

  /** Reads a piece of the stream and returns the masked text that is final now (maybe none). */
  public String write(CharSequence text) {
    read(text);
    long end = base + length;
    long hold = automaton.hold(state);
    if (!tails.isEmpty()) {
      hold = Math.max(hold, end - tails.oldest());
    }
    return emit(Math.max(lineStart, end - hold), 0);
  }

  /**
   * Reads the rest of a line (what was written of it before, and {@code text}) and its line end,
   * and returns the whole masked line, without the line end.
   */
  public String line(CharSequence text) {
    boolean whole = length == 0 && text instanceof String;
    read(text);
    append('\n');
    if (whole && regions.isEmpty()) {
      // The line came in one piece and nothing in it is masked: it is its own output, and the
      // copy a masked line needs is saved (most lines of a log).
      length = 0;
      base += text.length() + 1;
      return (String) text;
    }
    return emit(base + length, 1); // the line end: never masked, so always last
  }

  /** Ends the stream: returns everything held back, masked. Text written later starts afresh. */
  public String flush() {
    widen();
    String out = emit(base + length, 0);
    state = 0;
    tails.clear();
    lineStart = base;
    return out;
  }

  /** How many chars are held back now. */
  int held() {
    return length;
  }

  private void read(CharSequence text) {
    widen();
    int from = length;
    room(text.length());
    if (text instanceof String s) {
      s.getChars(0, s.length(), held, length);
    } else {
      for (int i = 0; i < text.length(); i++) {
        held[length + i] = text.charAt(i);
      }
    }
    length += text.length();
    scan(from);
  }

  /** Reads one char more: as {@link #read}, without a CharSequence for it. */
  private void append(char ch) {
    room(1);
    held[length++] = ch;
    scan(length - 1);
  }

  private void room(int more) {
    if (length + more > held.length) {
      held = Arrays.copyOf(held, Math.max(length + more, held.length * 2));
    }
  }

  /**
   * Runs the automaton over held[from, length), noting every match, then reads the long patterns it
   * found the start of on ({@link Tails}).
   */
  private void scan(int from) {
    Automaton a = automaton;
    if (a.isEmpty()) {
      // Nothing can match and the state stays the root: only the last line end counts.
      for (int i = length - 1; i >= from; i--) {
        if (held[i] == '\n') {
          lineStart = base + i + 1;
          break;
        }
      }
      return;
    }
    // Fields in locals: the loop runs once per char of output and must not reload them.
    int s = state;
    char[] text = held;
    int end = length;
    long at = base;
    for (int i = from; i < end; i++) {
      if (s == 0) {
        i = a.skip(text, i, end);
        if (i == end) {
          break;
        }
      }
      char ch = text[i];
      s = a.next(s, ch);
      if (ch == '\n') {
        lineStart = at + i + 1;
      }
      int output = a.output(s);
      if (output != 0) {
        long matchEnd = at + i + 1;
        int match = output & Automaton.LENGTH;
        if (match != 0) {
          regions.add(Math.max(matchEnd - match, Math.max(lineStart, at)), matchEnd);
        }
        if ((output & Automaton.ANCHOR) != 0) {
          tails.anchor(a, s, matchEnd);
        }
      }
    }
    state = s;
    if (!tails.isEmpty()) {
      tails.read(text, end, at, found);
    }
  }

  /**
   * A long pattern matches up to {@code end}: masked from its last line's start at most (the
   * pattern's last line end is the text's), and not before the held text.
   */
  private void longMatch(long end, String pattern) {
    long from = end - pattern.length();
    regions.add(Math.max(from + pattern.lastIndexOf('\n') + 1, Math.max(from, base)), end);
  }

  /**
   * Takes the masker's newest patterns, if they changed: the held-back text is read again with
   * them, from the root (the old state means nothing in the new automaton).
   */
  private void widen() {
    Automaton newest = masker.automaton();
    if (newest != automaton) {
      automaton = newest;
      state = 0;
      tails.clear();
      scan(0);
    }
  }

  /**
   * Writes out held text up to {@code upTo} (absolute), masked, less its last {@code drop} chars
   * (which no mask covers).
   */
  private String emit(long upTo, int drop) {
    int count = (int) (upTo - base);
    String out;
    if (regions.isEmpty()) {
      out = new String(held, 0, count - drop); // one copy, not two through a StringBuilder
    } else {
      StringBuilder masked = new StringBuilder(count + SecretMasker.MASK.length());
      regions.emit(held, base, upTo, masked);
      masked.setLength(masked.length() - drop);
      out = masked.toString();
    }
    System.arraycopy(held, count, held, 0, length - count);
    length -= count;
    base = upTo;
    return out;
  }
}
