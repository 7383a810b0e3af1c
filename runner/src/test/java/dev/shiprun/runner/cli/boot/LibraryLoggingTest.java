package dev.shiprun.runner.cli.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The libraries' records in a JVM of their own, with the JDK's log manager as a command line has it
 * (this test's JVM runs JBoss LogManager): warnings and errors, only errors from Flyway, and
 * information too with {@code SHIPRUN_DEBUG}.
 */
class LibraryLoggingTest {

  @TempDir Path temp;

  /** Logs one record of each level to a library's logger and to Flyway's, then exits. */
  public static final class Logs {
    public static void main(String... args) {
      LibraryLogging.install();
      for (String name : List.of("io.agroal.pool", "org.flywaydb.core")) {
        Logger logger = Logger.getLogger(name);
        logger.info(name + " info");
        logger.warning(name + " warning");
        logger.log(Level.SEVERE, name + " severe");
      }
    }
  }

  @Test
  void warningsAndErrorsOnlyFlywaysErrors() throws Exception {
    String err = run(Map.of());
    assertEquals(
        List.of(
            "WARNING: io.agroal.pool warning",
            "SEVERE: io.agroal.pool severe",
            "SEVERE: org.flywaydb.core severe"),
        messages(err),
        err);
  }

  @Test
  void withDebugTheirInformationToo() throws Exception {
    String err = run(Map.of("SHIPRUN_DEBUG", "1"));
    assertEquals(6, messages(err).size(), err);
    assertTrue(messages(err).contains("INFO: org.flywaydb.core info"), err);
  }

  /** The message lines of the JDK's format (each record's first line is its time and source). */
  private static List<String> messages(String err) {
    return err.lines().filter(l -> l.matches("^(INFO|WARNING|SEVERE): .*")).toList();
  }

  private String run(Map<String, String> environment) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Logs.class.getName());
    Path err = temp.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(temp.resolve("out.txt").toFile())
            .redirectError(err.toFile());
    builder.environment().remove("SHIPRUN_DEBUG");
    builder.environment().putAll(environment);
    Process p = builder.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM did not exit");
    assertEquals(0, p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    return Files.readString(err, StandardCharsets.UTF_8);
  }
}
