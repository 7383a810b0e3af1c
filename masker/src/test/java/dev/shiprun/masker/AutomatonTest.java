package dev.shiprun.masker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The dense rows are a cache of the failure-link walk: an automaton whose table holds only the root
 * row (every other state falls back along its failure links) must step exactly as one with its
 * usual rows. The trie holds each pattern's first {@link Automaton#DEPTH} chars: a longer pattern
 * is anchored where they end (the streams' tests check that the masks stay the same).
 */
class AutomatonTest {

  private static final String ALPHABET = "abcab-é中\n";

  private final Random random = new Random(20_261_127L);

  @Test
  void aCappedTableStepsAsTheFullOne() {
    for (int n = 0; n < 500; n++) {
      List<String> patterns = new ArrayList<>();
      for (int i = 0, count = 1 + random.nextInt(6); i < count; i++) {
        patterns.add(text(1 + random.nextInt(8)));
      }
      int depth = 1 + random.nextInt(9);
      Automaton full = Automaton.of(patterns, depth, Automaton.DENSE_ENTRIES);
      Automaton capped = Automaton.of(patterns, depth, 1);
      assertEquals(1, capped.denseStates(), "only the root's row");
      String text = text(200);
      int a = 0;
      int b = 0;
      for (int i = 0; i < text.length(); i++) {
        a = full.next(a, text.charAt(i));
        b = capped.next(b, text.charAt(i));
        String where = "case " + n + " " + patterns + " depth " + depth + " at " + i;
        assertEquals(full.trieState(a), capped.trieState(b), where);
        assertEquals(full.output(a), capped.output(b), where);
        assertEquals(full.hold(a), capped.hold(b), where);
      }
    }
  }

  @Test
  void skipPassesOnlyOverCharsThatLeaveTheRootThereWithoutAMatch() {
    for (int n = 0; n < 500; n++) {
      List<String> patterns = List.of(text(1 + random.nextInt(8)), text(1 + random.nextInt(8)));
      Automaton a = Automaton.of(patterns);
      char[] text = (text(30) + "x\u00e9\u4e2dxx").toCharArray();
      int from = random.nextInt(text.length);
      int to = from + random.nextInt(text.length - from + 1);
      int at = a.skip(text, from, to);
      String where = "case " + n + " " + patterns + " " + new String(text) + " from " + from;
      for (int i = from; i < at; i++) {
        assertEquals(0, a.next(0, text[i]), where);
      }
      if (at < to) {
        char ch = text[at];
        assertTrue(ch == '\n' || ch >= 256 || a.next(0, ch) != 0, where + " stops at " + at);
      }
    }
  }

  @Test
  void manyLongPatternsKeepOnlyTheirStartsInTheTrieAndTheTableWithinItsCap() {
    List<String> patterns = new ArrayList<>();
    int chars = 0;
    for (int i = 0; i < 2_000; i++) {
      patterns.add(text(64 + i % 200) + i);
      chars += patterns.get(i).length();
    }
    Automaton a = Automaton.of(patterns);
    int width = 1 + 7 + 10 + 2; // none, the alphabet's distinct chars, the digits; output, hold

    assertTrue(a.states() <= 1 + 2_000 * Automaton.DEPTH, "states " + a.states());
    assertTrue(a.footprint() < 4L * chars, a.footprint() + " bytes for " + chars + " chars");
    assertTrue(a.denseStates() > 1);
    assertTrue(a.denseStates() <= Automaton.DENSE_ENTRIES / width, "rows " + a.denseStates());
    String last = patterns.get(patterns.size() - 1);
    int s = 0;
    for (int i = 0; i < Automaton.DEPTH; i++) {
      s = a.next(s, last.charAt(i));
    }
    assertEquals(Automaton.ANCHOR, a.output(s) & Automaton.ANCHOR);
    int k = a.anchorAt(a.trieState(s));
    assertEquals(Automaton.DEPTH, a.anchorDepth(k));
    assertTrue(List.of(a.anchoredPatterns(k)).contains(last));
    assertEquals(last.length(), a.longest());
  }

  @Test
  void aPatternNoLongerThanTheDepthMatchesInTheTrieALongerOneIsAnchoredThere() {
    Automaton a = Automaton.of(List.of("abc", "abcab", "abcab-"), 5, Automaton.DENSE_ENTRIES);
    int s = 0;
    int[] outputs = new int[6];
    for (int i = 0; i < 6; i++) {
      s = a.next(s, "abcab-".charAt(i));
      outputs[i] = a.output(s);
    }
    assertEquals(List.of(0, 0, 3, 0, 5 | Automaton.ANCHOR, 0), toList(outputs));
    assertEquals(4, a.hold(a.next(a.next(a.next(a.next(0, 'a'), 'b'), 'c'), 'a')));
  }

  private static List<Integer> toList(int[] values) {
    List<Integer> out = new ArrayList<>();
    for (int v : values) {
      out.add(v);
    }
    return out;
  }

  private String text(int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
