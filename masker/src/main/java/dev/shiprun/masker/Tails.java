package dev.shiprun.masker;

import java.util.Arrays;

/**
 * The patterns longer than the automaton's depth that a stream is reading on: where the automaton
 * found a long pattern's first chars (an anchor, see {@link Automaton#anchored}), the rest of the
 * pattern is compared with the text that follows, across the stream's pieces, until it ends (a
 * match) or differs (dropped). So the automaton needs no state per char of a long pattern, and the
 * comparing happens only where a long pattern's start is in the text, which in a log means where
 * the secret itself is.
 *
 * <p>Each candidate is a pattern and the absolute position where it starts. A pattern's anchor
 * occurs nowhere else in it ({@link Automaton#head}), so two candidates of one pattern are never
 * read at the same time: however the text repeats a secret, the candidates at any point are at most
 * the long patterns whose start is there, not one per place a repeated run could start.
 */
final class Tails {

  /** Where a stream notes a match a candidate completed. */
  interface Found {
    /** {@code pattern} matches the text that ends at absolute position {@code end}. */
    void match(long end, String pattern);
  }

  private String[] pattern = new String[4];
  private long[] start = new long[4];

  /** How many chars of each candidate's pattern matched so far. */
  private int[] matched = new int[4];

  private int count;

  boolean isEmpty() {
    return count == 0;
  }

  /** How many candidates are being read (for tests of the bound). */
  int size() {
    return count;
  }

  /** Where the oldest candidate starts: text from there on may still be masked. */
  long oldest() {
    long first = start[0];
    for (int c = 1; c < count; c++) {
      first = Math.min(first, start[c]);
    }
    return first;
  }

  /** Drops every candidate (the stream starts afresh, or over from its held text). */
  void clear() {
    Arrays.fill(pattern, 0, count, null);
    count = 0;
  }

  /**
   * The automaton reached {@code state}, whose {@link Automaton#output} has {@link
   * Automaton#ANCHOR}, at absolute position {@code end}: the patterns of each anchor on its failure
   * chain start that anchor's depth before, and are read on from {@code end}.
   */
  void anchor(Automaton automaton, int state, long end) {
    for (int t = automaton.trieState(state);
        (automaton.trieOutput(t) & Automaton.ANCHOR) != 0;
        t = automaton.failure(t)) {
      int k = automaton.anchorAt(t);
      if (k >= 0) {
        int depth = automaton.anchorDepth(k);
        for (String p : automaton.anchoredPatterns(k)) {
          add(p, end - depth, depth);
        }
      }
    }
  }

  private void add(String p, long from, int depth) {
    if (count == pattern.length) {
      pattern = Arrays.copyOf(pattern, count * 2);
      start = Arrays.copyOf(start, count * 2);
      matched = Arrays.copyOf(matched, count * 2);
    }
    pattern[count] = p;
    start[count] = from;
    matched[count++] = depth;
  }

  /**
   * Reads every candidate on over the text before {@code text[to]} (text[i] at absolute position
   * shift + i), each from where it stands: its anchor, or the piece's start for one of an earlier
   * piece.
   */
  void read(char[] text, int to, long shift, Found found) {
    int kept = 0;
    for (int c = 0; c < count; c++) {
      String p = pattern[c];
      int j = matched[c];
      int i = (int) (start[c] + j - shift);
      int end = (int) Math.min(to, i + (long) (p.length() - j));
      while (i < end && p.charAt(j) == text[i]) {
        i++;
        j++;
      }
      kept = settle(c, j, i < end, kept, found);
    }
    drop(kept);
  }

  /** {@link #read(char[], int, long, Found)} over bytes, each as the char of its value. */
  void read(byte[] text, int to, long shift, Found found) {
    int kept = 0;
    for (int c = 0; c < count; c++) {
      String p = pattern[c];
      int j = matched[c];
      int i = (int) (start[c] + j - shift);
      int end = (int) Math.min(to, i + (long) (p.length() - j));
      while (i < end && p.charAt(j) == (text[i] & 0xFF)) {
        i++;
        j++;
      }
      kept = settle(c, j, i < end, kept, found);
    }
    drop(kept);
  }

  /**
   * Candidate {@code c} matched {@code j} chars and differed ({@code differs}) or ran out of text:
   * reports a whole match, or keeps it at index {@code kept} to read on. Returns the new count
   * kept.
   */
  private int settle(int c, int j, boolean differs, int kept, Found found) {
    String p = pattern[c];
    if (j == p.length()) {
      found.match(start[c] + j, p);
    } else if (!differs) {
      pattern[kept] = p;
      start[kept] = start[c];
      matched[kept++] = j;
    }
    return kept;
  }

  private void drop(int kept) {
    Arrays.fill(pattern, kept, count, null);
    count = kept;
  }
}
