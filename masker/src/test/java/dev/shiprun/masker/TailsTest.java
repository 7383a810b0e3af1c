package dev.shiprun.masker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A long pattern is held in the trie as far as its anchor, a start that occurs nowhere else in it,
 * so that however the text repeats a secret, each long pattern is read on from one place at a time.
 */
class TailsTest {

  private final Random random = new Random(20_261_127L);

  @Test
  void theHeadIsTheShortestStartOfAtLeastTheDepthThatOccursNowhereElseInThePattern() {
    for (int n = 0; n < 2_000; n++) {
      int depth = 1 + random.nextInt(6);
      String p = text("ab" + (n % 2 == 0 ? "c" : ""), 1 + random.nextInt(30));
      int head = Automaton.head(p, depth);
      String where = p + " depth " + depth + " head " + head;
      assertTrue(head >= Math.min(depth, p.length()) && head <= p.length(), where);
      assertTrue(head == p.length() || p.indexOf(p.substring(0, head), 1) < 0, where);
      if (head > depth) {
        assertTrue(p.indexOf(p.substring(0, head - 1), 1) >= 0, where + ": not the shortest");
      }
    }
    assertEquals(300, Automaton.head("a".repeat(300), 32), "a repeated run is held whole");
    assertEquals(32, Automaton.head("xyz" + "a".repeat(300), 32));
  }

  @Test
  void aSecretRepeatedInTheTextIsReadOnFromOnePlaceAtATime() {
    String unit = "made-up-";
    String secret = unit.repeat(40); // every 8 chars the same start: 320 places to read it from
    List<String> patterns = List.of(secret, "x" + secret);
    Automaton a = Automaton.of(patterns, 16, Automaton.DENSE_ENTRIES);
    String text = unit.repeat(400) + "x" + secret + unit.repeat(50);
    Tails tails = new Tails();
    List<Long> ends = new ArrayList<>();
    char[] chars = text.toCharArray();
    int s = 0;
    for (int i = 0; i < chars.length; i++) {
      s = a.next(s, chars[i]);
      if ((a.output(s) & Automaton.ANCHOR) != 0) {
        tails.anchor(a, s, i + 1);
      }
      tails.read(chars, i + 1, 0, (end, pattern) -> ends.add(end));
      assertTrue(tails.size() <= patterns.size(), "reading " + tails.size() + " at " + i);
    }
    // every place the secret ends, and x + secret once
    List<Long> expected = new ArrayList<>();
    for (long end = secret.length(); end <= text.length(); end++) {
      if (text.startsWith(secret, (int) end - secret.length())) {
        expected.add(end);
      }
    }
    expected.add((long) text.indexOf("x" + secret) + secret.length() + 1);
    assertEquals(expected.stream().sorted().toList(), ends.stream().sorted().toList());
  }

  private String text(String alphabet, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
