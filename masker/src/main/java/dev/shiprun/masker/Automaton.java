package dev.shiprun.masker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An Aho-Corasick automaton over chars: fed one char at a time, it says after each the length of
 * the longest pattern that ends there, and where the first {@link #depth()} chars of a longer
 * pattern end (an anchor: {@link Tails} reads such a pattern on). Immutable; widening the pattern
 * set builds a new one.
 *
 * <p>Memory grows with the patterns' total length, not with it times the alphabet. The trie holds
 * only each pattern's first {@link #DEPTH} chars, so a secret of 4 KiB and its forms cost a few
 * hundred states, not one per char; the rest of a pattern is compared with the text by {@link
 * Tails} only where its start was found, which in a log happens where the secret is. A state costs
 * 12 bytes in flat arrays, in breadth-first order (a state's children are a run of states).
 *
 * <p>The layout is chosen for the scan loop, which runs once per char of job output. Chars map to
 * classes (0 for a char that starts no pattern's first chars: most log text), chars below 256 by a
 * table, others by binary search. The states nearest the root ({@link #DENSE_DEPTH} deep, at most
 * {@link #DENSE_ENTRIES} entries), where a scan spends nearly all its time, have a dense row of
 * next states by class in one int table (failure links folded in). Such a state is named by where
 * its row starts, so a step is one read of the table that depends on the last, without the per-step
 * edge search and failure-link walk of a sparse layout, which dominate a masking pipe's profile
 * (bench/masker.sh). Deeper states keep their few edges as a run of the state arrays and fall back
 * along their failure links to a dense row; they are named by their trie number, negated (~id).
 * Rows for every state would cost the alphabet's size per char of every pattern.
 *
 * <p>A state, as callers see it, is one of those names; 0 is the root. At the root, where a scan of
 * log text spends nearly all its time, {@link #skip} passes over the chars that leave it there with
 * one table read each that does not wait for the last step.
 */
final class Automaton {

  static final Automaton EMPTY = of(List.of());

  /**
   * The trie's depth: a pattern's first this many chars are in it, the rest is read on by {@link
   * Tails}. Long enough that a log holds such a start by chance next to never.
   */
  static final int DEPTH = 32;

  /** Dense rows go to the root and the states this deep (within {@link #DENSE_ENTRIES}). */
  static final int DENSE_DEPTH = 2;

  /** At most this many entries (ints) of dense rows: 256 KiB. */
  static final int DENSE_ENTRIES = 1 << 16;

  /** The part of {@link #output} that is the length of the longest match ending here. */
  static final int LENGTH = 0x7FFF;

  /** The bit of {@link #output} that says longer patterns start here: see {@link #anchorAt}. */
  static final int ANCHOR = 0x8000;

  /** The deepest a state can be: its depth, match length and hold fit a char. */
  static final int MAX_DEPTH = LENGTH;

  private static final int ROOT = 0;
  private static final int TABLE = 256;

  /** Class of each char below {@link #TABLE}, 1..; 0 for a char that occurs in no trie edge. */
  private final int[] narrowClass = new int[TABLE];

  /** The other chars of the trie's edges, sorted; the class of wide[i] is narrow + i + 1. */
  private final char[] wide;

  private final int narrow;

  private final int classes;

  /** Entries of a dense row: a next state per class, then the output and the hold. */
  private final int width;

  /**
   * Chars below {@link #TABLE} at which {@link #skip} stops: they leave the root, or end a line.
   */
  private final boolean[] stop = new boolean[TABLE];

  private final int depth;

  /** Trie states 0 .. rows − 1 (the nearest the root) have a dense row, at state × width. */
  private final int rows;

  /**
   * Dense rows of {@link #width} entries: the next state by class (failure links already followed),
   * then the state's {@link #output} and {@link #hold}, read next to its moves.
   */
  private final int[] dense;

  /** The children of trie state s: states childStart[s] .. childStart[s + 1] − 1. */
  private final int[] childStart;

  /** The char on the edge into each state. */
  private final char[] label;

  private final int[] fail;

  /** {@link #output} of each state: a match length (≤ {@link #LENGTH}), | {@link #ANCHOR}. */
  private final char[] output;

  /** {@link #hold} of each state (at most its depth: fits a char). */
  private final char[] hold;

  /**
   * The anchors' states, sorted: anchoredPatterns[k] are the long patterns whose first
   * anchorDepth[k] chars lead to anchorState[k].
   */
  private final int[] anchorState;

  private final int[] anchorDepth;

  private final String[][] anchoredPatterns;

  private final int longest;

  private Automaton(Collection<String> patterns, int depth, int denseEntries) {
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("a trie depth of 1 to " + MAX_DEPTH + ", not " + depth);
    }
    this.depth = depth;
    List<String> distinct = new ArrayList<>();
    int most = 0;
    for (String p : new LinkedHashSet<>(patterns)) {
      if (!p.isEmpty()) {
        distinct.add(p);
        most = Math.max(most, p.length());
      }
    }
    this.longest = most;
    int[] head = new int[distinct.size()];
    for (int i = 0; i < head.length; i++) {
      head[i] = head(distinct.get(i), depth);
    }
    char[] chars = distinctChars(distinct, head);
    int n = 0;
    while (n < chars.length && chars[n] < TABLE) {
      narrowClass[chars[n]] = ++n;
    }
    this.narrow = n;
    this.wide = Arrays.copyOfRange(chars, n, chars.length);
    this.classes = chars.length + 1;
    this.width = classes + 2;
    Trie trie = new Trie(distinct, head);
    int states = trie.states;
    this.childStart = new int[states + 1];
    this.label = new char[states];
    this.fail = new int[states];
    this.output = new char[states];
    this.hold = new char[states];
    char[] depths = new char[states];
    int[] ends = breadthFirst(trie, depths);
    linkFailures(depths, ends);
    int[] anchors = new int[head.length];
    for (int i = 0; i < head.length; i++) {
      anchors[i] = head[i] < distinct.get(i).length() ? trie.number[trie.end[i]] : -1;
    }
    this.anchorState = Arrays.stream(anchors).filter(a -> a >= 0).distinct().sorted().toArray();
    this.anchorDepth = new int[anchorState.length];
    this.anchoredPatterns = new String[anchorState.length][];
    keepAnchored(distinct, anchors, depths);
    int near = 1;
    while (near < states && depths[near] <= DENSE_DEPTH) {
      near++;
    }
    this.rows = Math.max(1, Math.min(near, denseEntries / width));
    this.dense = denseRows();
    for (int ch = 0; ch < TABLE; ch++) {
      stop[ch] = ch == '\n' || dense[narrowClass[ch]] != ROOT;
    }
  }

  /** The automaton of these patterns (empty ones are ignored). */
  static Automaton of(Collection<String> patterns) {
    return new Automaton(patterns, DEPTH, DENSE_ENTRIES);
  }

  /**
   * {@link #of} with a trie {@code depth} chars deep (see {@link #head}) and dense rows for at most
   * {@code denseEntries} entries (the root's always): for tests, which compare any depth and cap.
   */
  static Automaton of(Collection<String> patterns, int depth, int denseEntries) {
    return new Automaton(patterns, depth, denseEntries);
  }

  /** The state after reading {@code ch} in {@code state}. */
  int next(int state, char ch) {
    int c = classOf(ch);
    return state >= 0 ? dense[state + c] : c == 0 ? ROOT : fallBack(~state, ch, c);
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

  /**
   * What reaching {@code state} finds, 0 for nothing (most states): the length of the longest
   * pattern that ends at the char that led there ({@code & LENGTH}), and {@link #ANCHOR} when the
   * text read ends with the start of longer patterns that {@link Tails} is to read on (the state or
   * one on its failure chain is an anchor: {@link #anchorAt}).
   */
  int output(int state) {
    return state >= 0 ? dense[state + classes] : output[~state];
  }

  /** The length of the longest pattern ending at the char that led to {@code state}, or 0. */
  int matchLength(int state) {
    return output(state) & LENGTH;
  }

  /** {@link #output} of trie state {@code t}. */
  int trieOutput(int t) {
    return output[t];
  }

  /** The failure link of trie state {@code t} (the root's is the root). */
  int failure(int t) {
    return fail[t];
  }

  /**
   * The anchor at trie state {@code t}, as an index for {@link #anchorDepth} and {@link
   * #anchoredPatterns}, or −1 if none ends there.
   */
  int anchorAt(int t) {
    int k = Arrays.binarySearch(anchorState, t);
    return k >= 0 ? k : -1;
  }

  /** How many chars anchor {@code k} stands for: its patterns start that far back. */
  int anchorDepth(int k) {
    return anchorDepth[k];
  }

  /** The patterns longer than anchor {@code k}'s depth whose start it is. */
  String[] anchoredPatterns(int k) {
    return anchoredPatterns[k];
  }

  /**
   * How many of the chars read so far a match yet to come may still cover, as far as the trie sees:
   * the depth of the deepest state on the failure chain that can still move on. Text before that is
   * final unless {@link Tails} reads a long pattern on.
   */
  int hold(int state) {
    return state >= 0 ? dense[state + classes + 1] : hold[~state];
  }

  /** The length of the longest pattern. */
  int longest() {
    return longest;
  }

  /** How many chars of each pattern the trie holds at least: see {@link #head}. */
  int depth() {
    return depth;
  }

  /** How many states have a dense row (for tests of the fall-back). */
  int denseStates() {
    return rows;
  }

  /** How many states the trie has (for tests of the memory bound). */
  int states() {
    return fail.length;
  }

  /** The trie state a state stands for (for tests: the same for any cap of the table). */
  int trieState(int state) {
    return state >= 0 ? state / width : ~state;
  }

  /**
   * The bytes of this automaton's own arrays (not of the long patterns, which are the caller's
   * strings): what it keeps in memory, less the object headers of its fields.
   */
  long footprint() {
    long bytes = Footprint.of(narrowClass) + Footprint.of(wide) + Footprint.of(stop);
    bytes += Footprint.of(dense) + Footprint.of(childStart) + Footprint.of(label);
    bytes += Footprint.of(fail) + Footprint.of(output) + Footprint.of(hold);
    bytes += Footprint.of(anchorState) + Footprint.of(anchorDepth);
    bytes += Footprint.ofRefs(anchoredPatterns.length);
    for (String[] each : anchoredPatterns) {
      bytes += Footprint.ofRefs(each.length);
    }
    return bytes;
  }

  private int classOf(char ch) {
    if (ch < TABLE) {
      return narrowClass[ch];
    }
    int i = Arrays.binarySearch(wide, ch);
    return i < 0 ? 0 : narrow + i + 1;
  }

  /** The move of a trie state without a dense row: along its failure links to one. */
  private int fallBack(int state, char ch, int c) {
    while (state >= rows) {
      for (int t = childStart[state], end = childStart[state + 1]; t < end; t++) {
        if (label[t] == ch) {
          return name(t);
        }
      }
      state = fail[state];
    }
    return dense[state * width + c];
  }

  /** The name of a trie state: see the class comment. */
  private int name(int state) {
    return state < rows ? state * width : ~state;
  }

  /** The move of a trie state, in trie states, by edges and failure links (while building). */
  private int move(int state, char ch) {
    while (true) {
      for (int t = childStart[state], end = childStart[state + 1]; t < end; t++) {
        if (label[t] == ch) {
          return t;
        }
      }
      if (state == ROOT) {
        return ROOT;
      }
      state = fail[state];
    }
  }

  /**
   * Numbers the trie's states breadth first, so that a state's children are a run and the states
   * nearest the root come first: fills {@link #childStart}, {@link #label} and {@code depths};
   * returns, by new number, the length of the pattern that ends there (0 for none).
   */
  private int[] breadthFirst(Trie trie, char[] depths) {
    int[] queue = new int[trie.states];
    int[] ends = new int[trie.states];
    int tail = 1;
    for (int head = 0; head < tail; head++) {
      int s = queue[head];
      ends[head] = trie.ends[s];
      childStart[head] = tail;
      for (int child = trie.firstChild[s]; child != ROOT; child = trie.nextSibling[child]) {
        label[tail] = trie.label[child];
        depths[tail] = (char) (depths[head] + 1);
        trie.number[child] = tail;
        queue[tail++] = child;
      }
    }
    childStart[trie.states] = tail;
    return ends;
  }

  /** Failure links, outputs and holds, breadth first (a failure target is always shallower). */
  private void linkFailures(char[] depths, int[] ends) {
    for (int s = 0; s < fail.length; s++) {
      int f = fail[s];
      output[s] = (char) (ends[s] != 0 ? ends[s] : s == ROOT ? 0 : output[f]);
      boolean leaf = childStart[s] == childStart[s + 1];
      hold[s] = leaf ? (s == ROOT ? 0 : hold[f]) : depths[s];
      for (int t = childStart[s], end = childStart[s + 1]; t < end; t++) {
        fail[t] = s == ROOT ? ROOT : move(f, label[t]);
      }
    }
  }

  /**
   * The dense rows, nearest the root first: a row is its failure target's row (shallower, so made
   * already) with its own edges written over it, then its output and hold.
   */
  private int[] denseRows() {
    int[] table = new int[rows * width];
    for (int s = 0; s < rows; s++) {
      int at = s * width;
      if (s != ROOT) {
        System.arraycopy(table, fail[s] * width, table, at, classes);
      }
      for (int t = childStart[s], end = childStart[s + 1]; t < end; t++) {
        table[at + classOf(label[t])] = name(t);
      }
      table[at + classes] = output[s];
      table[at + classes + 1] = hold[s];
    }
    return table;
  }

  /**
   * Keeps the long patterns by their anchor, and marks with {@link #ANCHOR} the anchors and every
   * state whose failure chain reaches one (breadth first: a failure target is marked before).
   */
  private void keepAnchored(List<String> patterns, int[] anchors, char[] depths) {
    int[] count = new int[anchorState.length];
    for (int s : anchors) {
      if (s >= 0) {
        count[Arrays.binarySearch(anchorState, s)]++;
      }
    }
    for (int k = 0; k < anchorState.length; k++) {
      anchoredPatterns[k] = new String[count[k]];
      anchorDepth[k] = depths[anchorState[k]];
      count[k] = 0;
      output[anchorState[k]] |= ANCHOR;
    }
    for (int i = 0; i < anchors.length; i++) {
      if (anchors[i] >= 0) {
        int k = Arrays.binarySearch(anchorState, anchors[i]);
        anchoredPatterns[k][count[k]++] = patterns.get(i);
      }
    }
    for (int s = 1; s < output.length; s++) {
      output[s] |= (char) (output[fail[s]] & ANCHOR);
    }
  }

  /**
   * How many chars of {@code pattern} the trie holds: all of one of at most {@code depth} chars; of
   * a longer one, the shortest start of at least {@code depth} chars that occurs nowhere else in
   * it, so that two reads of the pattern on never overlap by that start and {@link Tails} reads
   * each long pattern from one place at a time, however the text repeats it. A pattern without such
   * a start (it repeats a run, as {@code aaaa…} does) is held whole, unless it is longer than
   * {@link #MAX_DEPTH}: then {@code depth} chars.
   */
  static int head(String pattern, int depth) {
    int n = pattern.length();
    if (n <= depth) {
      return n;
    }
    // Z-function: z[d] is the length of the longest start of the pattern that occurs at d.
    int[] z = new int[n];
    int most = 0;
    for (int d = 1, left = 0, right = 0; d < n; d++) {
      int k = d < right ? Math.min(right - d, z[d - left]) : 0;
      while (d + k < n && pattern.charAt(k) == pattern.charAt(d + k)) {
        k++;
      }
      z[d] = k;
      if (d + k > right) {
        left = d;
        right = d + k;
      }
      most = Math.max(most, k);
    }
    int head = Math.min(n, Math.max(depth, most + 1));
    return head <= MAX_DEPTH ? head : depth;
  }

  /** The chars of the patterns' heads, each once, in order. */
  private static char[] distinctChars(List<String> patterns, int[] head) {
    BitSet seen = new BitSet();
    for (int k = 0; k < head.length; k++) {
      String p = patterns.get(k);
      for (int i = 0; i < head[k]; i++) {
        seen.set(p.charAt(i));
      }
    }
    char[] out = new char[seen.cardinality()];
    for (int ch = seen.nextSetBit(0), i = 0; ch >= 0; ch = seen.nextSetBit(ch + 1)) {
      out[i++] = (char) ch;
    }
    return out;
  }

  /**
   * The patterns' heads as a trie, children as sibling lists, before it is numbered breadth first
   * and linked; made and dropped while building.
   */
  private static final class Trie {
    final int[] firstChild;
    final int[] nextSibling;
    final char[] label;
    final int[] ends;

    /** The state each pattern's head leads to. */
    final int[] end;

    /** The breadth-first number of each state. */
    final int[] number;

    int states = 1;

    Trie(List<String> patterns, int[] head) {
      int most = 1;
      for (int h : head) {
        most += h;
      }
      firstChild = new int[most];
      nextSibling = new int[most];
      label = new char[most];
      ends = new int[most];
      end = new int[head.length];
      for (int k = 0; k < head.length; k++) {
        String p = patterns.get(k);
        end[k] = add(p, head[k]);
        if (head[k] == p.length()) {
          ends[end[k]] = p.length();
        }
      }
      number = new int[states];
    }

    /** The state the first {@code length} chars of {@code pattern} lead to, made if need be. */
    private int add(String pattern, int length) {
      int s = ROOT;
      for (int i = 0; i < length; i++) {
        char ch = pattern.charAt(i);
        int child = firstChild[s];
        while (child != ROOT && label[child] != ch) {
          child = nextSibling[child];
        }
        if (child == ROOT) {
          child = states++;
          label[child] = ch;
          nextSibling[child] = firstChild[s];
          firstChild[s] = child;
        }
        s = child;
      }
      return s;
    }
  }
}
