package dev.shiprun.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A line split as bash splits it (each expectation checked against bash's own splitting). */
class ShellWordsTest {

  @Test
  void blanksSeparateWords() {
    assertEquals(
        words("--cpus", "1", "--privileged=true"),
        ShellWords.split("  --cpus 1\t--privileged=true\n"));
    assertEquals(words(), ShellWords.split(""));
    assertEquals(words(), ShellWords.split("   "));
  }

  @Test
  void singleQuotesKeepEverything() {
    assertEquals(words("-e", "A=a b \"c\" \\ $x"), ShellWords.split("-e 'A=a b \"c\" \\ $x'"));
    assertEquals(words(""), ShellWords.split("''"));
  }

  @Test
  void doubleQuotesKeepAllButEscapedSpecials() {
    assertEquals(
        words("-e", "A=a 'b' \"c\" \\d $x"), ShellWords.split("-e \"A=a 'b' \\\"c\\\" \\d \\$x\""));
    assertEquals(words("A=one", "two"), ShellWords.split("A=\"one\" two"));
  }

  @Test
  void aBackslashOutsideQuotesKeepsTheNextCharacter() {
    assertEquals(words("a b", "c\"d", "e'f"), ShellWords.split("a\\ b c\\\"d e\\'f"));
    assertEquals(words("ab"), ShellWords.split("a\\\nb"));
  }

  @Test
  void partsOfOneWordJoin() {
    assertEquals(words("--label=a b c"), ShellWords.split("--label='a b'\" c\""));
  }

  @Test
  void anUnclosedQuoteOrALoneBackslashSaysWhereItOpens() {
    assertEquals(new ShellWords.Unclosed("'", 3), ShellWords.split("-e 'A=1"));
    assertEquals(new ShellWords.Unclosed("\"", 5), ShellWords.split("-e A=\"1 \\\""));
    assertEquals(new ShellWords.Unclosed("\\", 2), ShellWords.split("-e\\"));
  }

  private static ShellWords.Words words(String... words) {
    return new ShellWords.Words(List.of(words));
  }
}
