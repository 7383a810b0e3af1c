package dev.shiprun.runner.cli.boot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * java.util.logging for a command line that runs without Quarkus: the libraries of the store (H2,
 * Agroal, Flyway) print on stderr what Quarkus's configuration let through (application.properties:
 * warnings and errors, only errors from Flyway); with {@code shiprun.debug}, what they do as well.
 * It is the JDK's {@code java.util.logging.config.class}: the JDK makes one when something first
 * logs, so a command that logs nothing never starts java.util.logging.
 */
public final class LibraryLogging {

  private static final String CONFIG_CLASS = "java.util.logging.config.class";

  /**
   * Names this class as the configuration, unless the JVM was given one. JBoss LogManager (what
   * Quarkus's class loader installs: the image's fast-jar, the tests) does not read it: until
   * Quarkus configures it, it holds the libraries' records back.
   */
  static void install() {
    if (System.getProperty(CONFIG_CLASS) == null
        && System.getProperty("java.util.logging.config.file") == null) {
      System.setProperty(CONFIG_CLASS, LibraryLogging.class.getName());
    }
  }

  /** Called by the JDK's log manager as it starts. */
  public LibraryLogging() throws IOException {
    LogManager.getLogManager().readConfiguration(configuration(settingsDebug()));
  }

  private static boolean settingsDebug() {
    return Settings.of(System.getProperties(), System.getenv()).debug();
  }

  private static ByteArrayInputStream configuration(boolean debug) {
    String text =
        String.join(
            "\n",
            "handlers=java.util.logging.ConsoleHandler",
            "java.util.logging.ConsoleHandler.level=ALL",
            ".level=" + (debug ? "INFO" : "WARNING"),
            "org.flywaydb.level=" + (debug ? "INFO" : "SEVERE"),
            "");
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
