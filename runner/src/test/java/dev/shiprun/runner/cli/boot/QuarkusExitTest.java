package dev.shiprun.runner.cli.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.QuarkusBindException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QuarkusExitTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicInteger code = new AtomicInteger(-1);
  private final QuarkusExit exit =
      new QuarkusExit(
          new PrintStream(err, true, StandardCharsets.UTF_8), false, (c, t) -> code.set(c));

  @Test
  void keepsTheCommandsExitCode() {
    exit.accept(1, null);
    assertEquals(1, code.get());
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aTakenPortIsOneLineWithTheFix() {
    exit.accept(
        1,
        new RuntimeException(
            new QuarkusBindException(
                "127.0.0.1", 8484, new BindException("Address already in use"))));
    assertEquals(3, code.get());
    assertEquals(
        "shiprun daemon: cannot listen on 127.0.0.1:8484: the address is in use (another shiprun"
            + " daemon?); stop that process, or choose another port with --port\n",
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anAddressOfAnotherMachineSaysWhichToChoose() {
    exit.accept(
        1,
        new QuarkusBindException(
            "192.0.2.1", 8484, new BindException("Cannot assign requested address")));
    String line = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        line.startsWith(
            "shiprun daemon: cannot listen on 192.0.2.1:8484: cannot assign requested address;"
                + " choose an address of this machine with --bind"),
        line);
  }

  @Test
  void anyOtherFailureToStartIsAnInternalErrorWithoutStackTrace() {
    exit.accept(1, new IllegalStateException("boom"));
    assertEquals(3, code.get());
    String text = err.toString(StandardCharsets.UTF_8);
    assertEquals(
        "shiprun: internal error: IllegalStateException: boom"
            + " (set SHIPRUN_DEBUG=1 to see the stack trace)\n",
        text);
  }

  @Test
  void writesIpv6HostsInBrackets() {
    assertEquals("[::1]:8484", QuarkusExit.address("::1", 8484));
  }
}
