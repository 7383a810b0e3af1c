package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one line shiprun prints when it starts with SIGINT or SIGTERM ignored, from SigIgn. */
class InterruptsTest {

  private static String status(String sigIgn) {
    return "Name:\tjava\nSigPnd:\t0000000000000000\nSigIgn:\t" + sigIgn + "\nSigCgt:\t0\n";
  }

  @Test
  void nothingWhenBothHaveTheirDefaults() {
    assertEquals(Optional.empty(), Interrupts.ignoredWarning(status("0000000000001000"), 42));
  }

  @Test
  void anIgnoredSigintSaysHowToStopItInstead() {
    assertEquals(
        Optional.of(
            "shiprun: SIGINT is ignored in this process (started in the background of a"
                + " non-interactive shell?): Ctrl-C cannot stop it; use kill -TERM 42"),
        Interrupts.ignoredWarning(status("0000000000000002"), 42));
  }

  @Test
  void anIgnoredSigtermSaysHowToStopItInstead() {
    assertEquals(
        Optional.of(
            "shiprun: SIGTERM is ignored in this process (its parent started it so): kill -TERM"
                + " cannot stop it; use Ctrl-C or kill -INT 42"),
        Interrupts.ignoredWarning(status("0000000000004000"), 42));
  }

  @Test
  void bothIgnored() {
    assertEquals(
        Optional.of(
            "shiprun: SIGINT and SIGTERM are ignored in this process (its parent started it so):"
                + " neither Ctrl-C nor kill -TERM can stop it; start it with default signals, e.g."
                + " env --default-signal=INT,TERM shiprun ..."),
        Interrupts.ignoredWarning(status("0000000000004006"), 42));
  }
}
