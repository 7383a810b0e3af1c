package dev.shiprun.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The env file: owner-only, one line per value a line carries, the others passed by name. */
class EnvironmentFileTest {

  @TempDir Path dir;

  @Test
  void writesLinesOwnerOnlyAndPassesWhatALineCannotCarryByName() throws IOException {
    String longValue = "x".repeat(EnvironmentFile.MAX_LINE_CHARS);
    EnvironmentFile env =
        EnvironmentFile.write(
            dir.resolve("task_0.env"),
            Map.of(
                "PLAIN", "a b 'c' \"d\" $e #f",
                "EMPTY", "",
                "LINES", "one\ntwo",
                "RETURN", "end\r",
                "LONG", longValue));

    assertEquals(
        "EMPTY=\nPLAIN=a b 'c' \"d\" $e #f\n",
        Files.readString(env.file(), StandardCharsets.UTF_8));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(env.file())));
    assertEquals(Map.of("LINES", "one\ntwo", "RETURN", "end\r", "LONG", longValue), env.byName());
    assertEquals(java.util.List.of("LINES", "LONG", "RETURN"), env.names());
  }

  @Test
  void namesNoEnvironmentCanCarryAreAProblem() {
    assertTrue(EnvironmentFile.problem(Map.of("A B", "1")).isPresent());
    assertTrue(EnvironmentFile.problem(Map.of("A=B", "1")).isPresent());
    assertTrue(EnvironmentFile.problem(Map.of("A", "nul\0")).isPresent());
    assertTrue(EnvironmentFile.problem(Map.of("A_1", "fine")).isEmpty());
  }
}
