package dev.shiprun.model.mask;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * An Aho-Corasick automaton over chars: fed one char at a time, it says after each the length of
 * the longest pattern that ends there. Immutable; widening the pattern set builds a new one.
 *
 * <p>The layout is chosen for the scan loop, which runs once per char of job output. Chars map to
 * classes (0 for a char that occurs in no pattern: most log text), chars below 256 by a table,
 * others by binary search. The states nearest the root, where a scan spends nearly all its time,
 * have a dense row of next states by class in one int table (failure links folded in). Such a state
 * is named by where its row starts, so a step is one read of the table that depends on the last:
 * profiling showed the per-step edge search and failure-link walk of the sparse layout as half of
 * the time of a masking pipe (bench/masker.sh). Deeper states keep their few edges in flat arrays
 * and fall back along their failure links to a dense row; they are named by their trie number,
 * negated (~id). The table is capped at {@link #DENSE_ENTRIES} so that many long secrets do not
 * cost a row per char of every pattern.
 *
 * <p>A state, as callers see it, is one of those names; 0 is the root. At the root, where a scan of
 * log text is nearly all the time (96 % of chars in bench/masker.sh's log), {@link #skip} passes
 * over the chars that leave it there with one table read each that does not wait for the last step.
 */
final class Automaton {

  static final Automaton EMPTY = of(List.of());

  private static final int ROOT = 0;
  private static final int TABLE = 256;

  /** At most this many entries (ints) of dense rows: 4 MiB. */
  static final int DENSE_ENTRIES = 1 << 20;

  /** Class of each char below {@link #TABLE}, 1..; 0 for a char that occurs in no pattern. */
  private final int[] narrowClass = new int[TABLE];

  /** The other chars of the patterns, sorted; the class of wide[i] is wideClass[i]. */
  private final char[] wide;

  private final int[] wideClass;

  private final int[] rootNext;

  private final int classes;

  /**
   * Chars below {@link #TABLE} at which {@link #skip} stops: they leave the root, or end a line.
   */
  private final boolean[] stop = new boolean[TABLE];

  /** Where trie state s's dense row starts in {@link #dense}, or -1 for a state without one. */
  private final int[] row;

  /**
   * Dense rows of {@link #classes} + 2 entries: the next state by class (failure links already
   * followed), then the state's {@link #matchLength} and {@link #hold}, read next to its moves.
   */
  private final int[] dense;

  /** The trie state of each dense row, by row number (for tests). */
  private final int[] rowState;

  /** Edges of state s: indexes [edgeStart[s], edgeStart[s + 1]) of edgeClass and edgeTarget. */
  private final int[] edgeStart;

  private final int[] edgeClass;
  private final int[] edgeTarget;
  private final int[] fail;

  /** The longest pattern that is a suffix of the text read to reach a state; 0 for none. */
  private final int[] matchLength;

  /** How far back a match that is still to come can start: see {@link #hold}. */
  private final int[] hold;

  private final int longest;

  private Automaton(Collection<String> patterns, int denseEntries) {
    char[] chars = distinctChars(patterns);
    int narrow = 0;
    while (narrow < chars.length && chars[narrow] < TABLE) {
      narrowClass[chars[narrow]] = ++narrow;
    }
    this.wide = Arrays.copyOfRange(chars, narrow, chars.length);
    this.wideClass = new int[wide.length];
    for (int i = 0; i < wide.length; i++) {
      wideClass[i] = narrow + i + 1;
    }
    Trie trie = new Trie(patterns, this);
    this.rootNext = new int[chars.length + 1];
    this.edgeStart = new int[trie.states + 1];
    this.edgeClass = new int[trie.states];
    this.edgeTarget = new int[trie.states];
    flattenEdges(trie);
    this.fail = new int[trie.states];
    this.matchLength = new int[trie.states];
    this.hold = new int[trie.states];
    this.longest = linkFailures(trie);
    this.classes = chars.length + 1;
    this.row = new int[trie.states];
    this.rowState = breadthFirst(trie, denseEntries);
    this.dense = denseRows(trie);
    for (int ch = 0; ch < TABLE; ch++) {
      stop[ch] = ch == '\n' || dense[narrowClass[ch]] != ROOT;
    }
  }

  /** The automaton of these patterns (empty ones are ignored). */
  static Automaton of(Collection<String> patterns) {
    return new Automaton(patterns, DENSE_ENTRIES);
  }

  /** {@link #of} with dense rows for at most {@code denseEntries} entries (the root's always). */
  static Automaton of(Collection<String> patterns, int denseEntries) {
    return new Automaton(patterns, denseEntries);
  }

  /** The state after reading {@code ch} in {@code state}. */
  int next(int state, char ch) {
    int c = classOf(ch);
    return state >= 0 ? dense[state + c] : c == 0 ? ROOT : fallBack(~state, c);
  }

  /**
   * The first index from {@code from} on, below {@code to}, whose char a scan at the root must step
   * over: one that leaves the root, a line end (a scan notes those) or a char from {@link #TABLE}
   * on (not worth a search here); {@code to} if none. Every char before it leaves the scan at the
   * root with no match.
   */
  int skip(char[] text, int from, int to) {
    boolean[] stops = stop;
    for (int i = from; i < to; i++) {
      char ch = text[i];
      if (ch >= TABLE || stops[ch]) {
        return i;
      }
    }
    return to;
  }

  /** Whether no pattern can ever match: a scan only needs to find the line ends. */
  boolean isEmpty() {
    return longest == 0;
  }

  /** How many states have a dense row (for tests of the fall-back). */
  int denseStates() {
    return rowState.length;
  }

  /** The trie state a state stands for (for tests: the same for any cap of the table). */
  int trieState(int state) {
    return state >= 0 ? rowState[state / (classes + 2)] : ~state;
  }

  /** The length of the longest pattern ending at the char that led to {@code state}, or 0. */
  int matchLength(int state) {
    return state >= 0 ? dense[state + classes] : matchLength[~state];
  }

  /**
   * How many of the chars read so far a match yet to come may still cover: the depth of the deepest
   * state on the failure chain that can still move on. Text before that is final. At most {@link
   * #longest()} − 1.
   */
  int hold(int state) {
    return state >= 0 ? dense[state + classes + 1] : hold[~state];
  }

  int longest() {
    return longest;
  }

  private int classOf(char ch) {
    if (ch < TABLE) {
      return narrowClass[ch];
    }
    int i = Arrays.binarySearch(wide, ch);
    return i < 0 ? 0 : wideClass[i];
  }

  /** The move of a trie state without a dense row: along its failure links to one. */
  private int fallBack(int state, int c) {
    while (row[state] < 0) {
      for (int i = edgeStart[state], end = edgeStart[state + 1]; i < end; i++) {
        if (edgeClass[i] == c) {
          return name(edgeTarget[i]);
        }
      }
      state = fail[state];
    }
    return dense[row[state] + c];
  }

  /** The name of a trie state: see the class comment. */
  private int name(int state) {
    return row[state] >= 0 ? row[state] : ~state;
  }

  /** The move of a trie state, in trie states, by edges and failure links (while building). */
  private int move(int state, int c) {
    while (state != ROOT) {
      for (int i = edgeStart[state], end = edgeStart[state + 1]; i < end; i++) {
        if (edgeClass[i] == c) {
          return edgeTarget[i];
        }
      }
      state = fail[state];
    }
    return rootNext[c];
  }

  /** The root's edges as a table by class; every other state's as a run of the edge arrays. */
  private void flattenEdges(Trie trie) {
    int edges = 0;
    for (int s = 0; s < trie.states; s++) {
      edgeStart[s] = edges;
      for (int child = trie.firstChild[s]; child != ROOT; child = trie.nextSibling[child]) {
        if (s == ROOT) {
          rootNext[trie.label[child]] = child;
        } else {
          edgeClass[edges] = trie.label[child];
          edgeTarget[edges++] = child;
        }
      }
    }
    edgeStart[trie.states] = edges;
  }

  /**
   * Failure links, outputs and holds, breadth first (a failure target is always shallower). Returns
   * the length of the longest pattern.
   */
  private int linkFailures(Trie trie) {
    int[] queue = new int[trie.states];
    int head = 0;
    int tail = 0;
    queue[tail++] = ROOT;
    int most = 0;
    while (head < tail) {
      int s = queue[head++];
      matchLength[s] = Math.max(trie.ends[s], matchLength[fail[s]]);
      hold[s] = trie.firstChild[s] == ROOT ? hold[fail[s]] : trie.depth[s];
      most = Math.max(most, trie.ends[s]);
      for (int child = trie.firstChild[s]; child != ROOT; child = trie.nextSibling[child]) {
        fail[child] = s == ROOT ? ROOT : move(fail[s], trie.label[child]);
        queue[tail++] = child;
      }
    }
    return most;
  }

  /**
   * Gives the states nearest the root, in breadth-first order while they fit in the cap, their
   * rows' places; returns those states by row.
   */
  private int[] breadthFirst(Trie trie, int denseEntries) {
    int width = classes + 2;
    int rows = Math.max(1, Math.min(trie.states, denseEntries / width));
    int[] queue = new int[trie.states];
    int tail = 0;
    queue[tail++] = ROOT;
    for (int head = 0; head < tail && tail < rows; head++) {
      for (int c = trie.firstChild[queue[head]];
          c != ROOT && tail < rows;
          c = trie.nextSibling[c]) {
        queue[tail++] = c;
      }
    }
    Arrays.fill(row, -1);
    for (int r = 0; r < rows; r++) {
      row[queue[r]] = r * width;
    }
    return Arrays.copyOf(queue, rows);
  }

  /**
   * The dense rows, nearest the root first: a row is its failure target's row (shallower, so made
   * already) with its own edges written over it, then its match length and hold.
   */
  private int[] denseRows(Trie trie) {
    int width = classes + 2;
    int[] table = new int[rowState.length * width];
    for (int r = 0; r < rowState.length; r++) {
      int s = rowState[r];
      int at = r * width;
      if (s != ROOT) {
        System.arraycopy(table, row[fail[s]], table, at, classes);
      }
      for (int child = trie.firstChild[s]; child != ROOT; child = trie.nextSibling[child]) {
        table[at + trie.label[child]] = name(child);
      }
      table[at + classes] = matchLength[s];
      table[at + classes + 1] = hold[s];
    }
    return table;
  }

  /** The chars the patterns are made of, each once, in order. */
  private static char[] distinctChars(Collection<String> patterns) {
    BitSet seen = new BitSet();
    for (String p : patterns) {
      for (int i = 0; i < p.length(); i++) {
        seen.set(p.charAt(i));
      }
    }
    char[] out = new char[seen.cardinality()];
    for (int ch = seen.nextSetBit(0), i = 0; ch >= 0; ch = seen.nextSetBit(ch + 1)) {
      out[i++] = (char) ch;
    }
    return out;
  }

  /** The patterns as a trie of char classes, children as sibling lists, before the links. */
  private static final class Trie {
    final int[] firstChild;
    final int[] nextSibling;
    final int[] label;
    final int[] depth;
    final int[] ends;
    int states = 1;

    Trie(Collection<String> patterns, Automaton classes) {
      int most = 1;
      for (String p : patterns) {
        most += p.length();
      }
      firstChild = new int[most];
      nextSibling = new int[most];
      label = new int[most];
      depth = new int[most];
      ends = new int[most];
      for (String p : patterns) {
        add(p, classes);
      }
    }

    private void add(String pattern, Automaton classes) {
      int s = ROOT;
      for (int i = 0; i < pattern.length(); i++) {
        int c = classes.classOf(pattern.charAt(i));
        int child = firstChild[s];
        while (child != ROOT && label[child] != c) {
          child = nextSibling[child];
        }
        if (child == ROOT) {
          child = states++;
          label[child] = c;
          depth[child] = i + 1;
          nextSibling[child] = firstChild[s];
          firstChild[s] = child;
        }
        s = child;
      }
      ends[s] = pattern.length();
    }
  }
}
