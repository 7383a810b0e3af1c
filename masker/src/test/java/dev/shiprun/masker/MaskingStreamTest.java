package dev.shiprun.masker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingStreamTest {

  private static final String SECRET = "made-up-pass";

  private final SecretMasker masker = new SecretMasker(List.of(SECRET));
  private final MaskingStream stream = masker.stream();

  @Test
  void masksASecretSplitAcrossWrites() {
    String out = stream.write("login made-") + stream.write("up-") + stream.write("pass ok");

    assertEquals("login *** ok", out + stream.flush());
  }

  @Test
  void holdsBackOnlyWhatCouldStartASecret() {
    assertEquals("login ", stream.write("login made-up"));
    assertEquals(7, stream.held());
    assertEquals("made-up!", stream.write("!"), "no longer the start of a secret");
    assertEquals(0, stream.held());
  }

  @Test
  void neverHoldsBackPastALineEnd() {
    assertEquals("first made-up\nsecond ", stream.write("first made-up\nsecond made"));
    assertEquals(4, stream.held());
    assertEquals("***\n", stream.write("-up-pass\n"));
  }

  @Test
  void holdsBackLessThanTheLongestPattern() {
    SecretMasker many = new SecretMasker(List.of("aaaa", "aaab", SECRET));
    MaskingStream s = many.stream();
    StringBuilder out = new StringBuilder();
    int longest = many.automaton().longest();
    for (char c : ("xaaaaaaaaaaabaaaaax " + SECRET.repeat(2)).toCharArray()) {
      out.append(s.write(String.valueOf(c)));
      assertTrue(s.held() < longest, "held " + s.held());
    }

    assertEquals("x******x ******", out + s.flush()); // touching matches: two masks
  }

  @Test
  void masksASecretAcrossTheCutOfALongLine() {
    String first = stream.write("x".repeat(100) + " made-u");
    String rest = stream.line("p-pass y");

    assertEquals("x".repeat(100) + " ", first);
    assertEquals("*** y", rest);
    assertEquals("plain", stream.line("plain"));
  }

  @Test
  void masksAMultiLineSecretWhoseLinesAreTooShortOnTheirOwnFromItsLastLine() {
    SecretMasker shortLines = new SecretMasker(List.of("ab\ncd\nef"));
    MaskingStream s = shortLines.stream();

    assertEquals("x ab", s.line("x ab"));
    assertEquals("cd", s.line("cd"));
    assertEquals("*** y", s.line("ef y"));
  }

  @Test
  void masksASecretAddedWhileTheStreamRunsInTextNotWrittenOutYet() {
    String before = stream.write("head made-up-p");
    masker.add("made-up-pastry");
    String after = stream.write("astry tail");

    assertEquals("head ", before);
    assertEquals("*** tail", after + stream.flush());
    assertEquals("*** and ***", stream.line("made-up-pass and made-up-pastry"));
  }

  @Test
  void takesSecretsAddedFromAnotherThreadWhileItRuns() throws Exception {
    List<String> more = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      more.add("made-up-secret-" + i + "-x");
    }
    Thread adder = new Thread(() -> more.forEach(masker::add));
    adder.start();
    while (adder.isAlive()) {
      stream.line("chatter " + more.get(7) + " " + SECRET); // may or may not know it yet
    }
    adder.join();

    for (String secret : more) {
      assertEquals("[***] [***]", stream.line("[" + secret + "] [" + SECRET + "]"));
    }
  }

  @Test
  void startsAfreshAfterAFlush() {
    assertEquals("made-u", stream.write("made-u") + stream.flush());
    assertEquals("p-pass", stream.write("p-pass") + stream.flush());
  }

  @Test
  void masksASecretThatStartsRightAtAChunkBoundary() {
    String out = stream.write("login ") + stream.write(SECRET) + stream.write(" ok\n");

    assertEquals("login *** ok\n", out + stream.flush());
  }

  @Test
  void passesALineWithoutASecretThroughAndMasksTheNext() {
    assertEquals("plain made-up", stream.line("plain made-up"));
    assertEquals("*** and ***", stream.line(SECRET + " and " + SECRET));
    assertEquals("", stream.line(""));
    assertEquals(0, stream.held());
  }

  @Test
  void aStreamWithNothingToMaskMasksWhatIsAddedLater() {
    SecretMasker empty = new SecretMasker(List.of());
    MaskingStream s = empty.stream();

    assertEquals("a\nmade-up-p", s.write("a\nmade-up-p"), "nothing to hold back for");
    assertEquals("ass", s.line("ass"));
    empty.add(SECRET);
    assertEquals("x ", s.write("x " + SECRET.substring(0, 4)));
    assertEquals("*** y", s.line(SECRET.substring(4) + " y"));
  }
}
