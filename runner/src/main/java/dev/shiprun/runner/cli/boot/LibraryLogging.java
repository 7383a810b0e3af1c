package dev.shiprun.runner.cli.boot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * java.util.logging for a command line that runs without Quarkus: the libraries of the store (H2,
 * Agroal, Flyway) print on stderr what Quarkus's configuration let through (application.properties:
 * warnings and errors, only errors from Flyway); with {@code shiprun.debug}, what they do as well.
 */
final class LibraryLogging {

  private LibraryLogging() {}

  /**
   * Configures the JDK's log manager, once, before any command runs. JBoss LogManager (what
   * Quarkus's class loader installs: the image's fast-jar, the tests) is left as it is: until
   * Quarkus configures it, it holds the libraries' records back.
   */
  static void configure(boolean debug) {
    if (LogManager.getLogManager().getClass() != LogManager.class) {
      return;
    }
    String configuration =
        String.join(
            "\n",
            "handlers=java.util.logging.ConsoleHandler",
            "java.util.logging.ConsoleHandler.level=ALL",
            ".level=" + (debug ? "INFO" : "WARNING"),
            "org.flywaydb.level=" + (debug ? "INFO" : "SEVERE"),
            "");
    try {
      LogManager.getLogManager()
          .readConfiguration(
              new ByteArrayInputStream(configuration.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
