package dev.shiprun.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.validate.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of lines Shippable accepted, in {@code src/scenarios/valid/<case>/}: each case is read
 * as {@code shiprun validate <case>} reads a directory, must load with no error, and its warnings,
 * rendered, must equal the case's {@code expected.txt} (empty when there are none). File names in
 * the warnings are relative to the case folder; see src/scenarios/README.md.
 *
 * <p>{@code ./mvnw -o test -pl resources-model -Dshiprun.updateGolden=true} rewrites every
 * expected.txt from the current output; review the diff before keeping it.
 */
class ValidScenarioCorpusTest {

  static final Path VALID = ScenarioCorpusTest.SCENARIOS.resolve("valid");
  private static final boolean UPDATE = Boolean.getBoolean("shiprun.updateGolden");

  @TestFactory
  Stream<DynamicTest> everyValidScenarioLoadsWithoutErrorAndOnlyItsExpectedWarnings() {
    return cases().stream()
        .map(dir -> dynamicTest(dir.getFileName().toString(), dir.toUri(), () -> check(dir)));
  }

  private static void check(Path dir) throws IOException {
    Validation validation = load(dir);
    String actual = relativeToCase(Pipelines.render(validation), dir);
    Path expected = dir.resolve("expected.txt");
    if (UPDATE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertEquals(0, validation.errorCount(), dir + " must be valid:\n" + actual);
    assertTrue(
        Files.exists(expected),
        expected + " is missing; run with -Dshiprun.updateGolden=true and review it");
    String golden = Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertEquals(golden, actual, "warnings of " + dir.getFileName());
  }

  /** Reads the case folder through the loader's own directory reading, as the CLI does. */
  static Validation load(Path dir) {
    return new AssemblyLineLoader().load(List.of(dir));
  }

  /** The loader names files as the path was given; the golden files name them from the case. */
  private static String relativeToCase(String rendered, Path dir) {
    String prefix = dir.normalize().toString().replace('\\', '/') + "/";
    return rendered.replace(prefix, "");
  }

  private static List<Path> cases() {
    try (Stream<Path> dirs = Files.list(VALID)) {
      List<Path> found = dirs.filter(Files::isDirectory).sorted().toList();
      assertFalse(found.isEmpty(), "no scenarios under " + VALID.toAbsolutePath());
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
