package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The error shapes, without starting the application. */
class ErrorHandlersTest {

  @Test
  void reportsInternalErrorOnOneLineWithoutStackTrace() {
    StringWriter text = new StringWriter();

    int code =
        new InternalErrorHandler(false)
            .report(new IllegalStateException("store is\nclosed"), new PrintWriter(text));

    assertEquals(ExitCode.INTERNAL.code(), code);
    assertEquals(1, text.toString().strip().lines().count(), text.toString());
    assertTrue(
        text.toString()
            .startsWith("shiprun: internal error: IllegalStateException: store is closed"),
        text.toString());
  }

  @Test
  void printsStackTraceOnlyWhenDebugging() {
    StringWriter text = new StringWriter();

    new InternalErrorHandler(true).report(new IllegalStateException("boom"), new PrintWriter(text));

    assertTrue(text.toString().contains("\tat "), text.toString());
  }

  @Test
  void namesTheCauseWhenTheExceptionHasNoMessage() {
    Exception wrapped =
        new IllegalStateException(
            (String) null, new UncheckedIOException(new IOException("disk full")));

    assertTrue(InternalErrorHandler.describe(wrapped).contains("disk full"));
  }

  @Test
  void flattensPicocliMessagesToOneLowerCaseLine() {
    assertEquals(
        "missing required parameter: 'PATH'; see below",
        UsageMessage.oneLine("Missing required parameter: 'PATH'\n  see below."));
  }
}
