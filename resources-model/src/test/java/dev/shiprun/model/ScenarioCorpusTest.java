package dev.shiprun.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.parse.PipelineFiles;
import dev.shiprun.model.validate.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The end-to-end corpus of invalid pipelines in {@code src/scenarios/invalid/<case>/}: each case is
 * loaded the way {@code shiprun validate <case>} reads a directory, and every diagnostic, rendered,
 * must equal the case's {@code expected.txt}. File names in the diagnostics are relative to the
 * case folder ({@code shippable.yml:7:28: …}); see src/scenarios/README.md.
 *
 * <p>{@code ./mvnw -o test -pl resources-model -Dshiprun.updateGolden=true} rewrites every
 * expected.txt from the current output; review the diff before keeping it.
 */
class ScenarioCorpusTest {

  static final Path SCENARIOS = Path.of("..", "src", "scenarios");
  static final Path INVALID = SCENARIOS.resolve("invalid");
  private static final boolean UPDATE = Boolean.getBoolean("shiprun.updateGolden");

  /** Every code the model reports from YAML files alone: each needs at least one scenario. */
  private static final Set<String> CODES_THE_MODEL_PRODUCES =
      Set.of(
          "AL001", "AL002", "AL003", "AL004", "AL005", "AL006", "AL008", "AL010", "AL011", "AL101",
          "AL102", "AL103", "AL104", "AL105", "AL106", "AL107", "AL108", "AL109", "AL110", "AL111",
          "AL112", "AL113", "AL114", "AL115", "AL116", "AL117", "AL118", "AL119", "AL121", "AL123",
          "AL124", "AL125");

  @TestFactory
  Stream<DynamicTest> everyInvalidScenarioReportsExactlyItsExpectedDiagnostics() {
    return cases().stream()
        .map(dir -> dynamicTest(dir.getFileName().toString(), dir.toUri(), () -> check(dir)));
  }

  @Test
  void corpusHasAScenarioForEveryDiagnosticTheModelProduces() throws IOException {
    Set<String> covered = new TreeSet<>();
    Pattern headline =
        Pattern.compile("^\\S.*?: (?:error|warning)\\[(AL\\d{3})]: ", Pattern.MULTILINE);
    // A warning may be shown by a valid case (the names of shippable.shiprun.yml, say).
    List<Path> dirs = new ArrayList<>(cases());
    try (Stream<Path> valid = Files.list(ValidScenarioCorpusTest.VALID)) {
      valid.filter(Files::isDirectory).sorted().forEach(dirs::add);
    }
    for (Path dir : dirs) {
      Path expected = dir.resolve("expected.txt");
      if (Files.exists(expected)) {
        Matcher m = headline.matcher(Files.readString(expected, StandardCharsets.UTF_8));
        while (m.find()) {
          covered.add(m.group(1));
        }
      }
    }
    Set<String> missing = new TreeSet<>(CODES_THE_MODEL_PRODUCES);
    missing.removeAll(covered);
    assertTrue(missing.isEmpty(), "no scenario shows " + missing);
  }

  @Test
  void manyProblemsScenarioReportsErrorsFromEveryStageInOnePass() throws IOException {
    Validation v = load(INVALID.resolve("many-problems"));
    Set<String> codes = new TreeSet<>();
    v.diagnostics().forEach(d -> codes.add(d.code().name()));
    // parser (unknown key, bad value, bad type) and validator (names, references, graph) alike
    assertTrue(
        codes.containsAll(Set.of("AL010", "AL011", "AL103", "AL106", "AL109", "AL110", "AL112")),
        "codes reported: " + codes);
    assertTrue(v.errorCount() >= 8, v.summary());
  }

  private static void check(Path dir) throws IOException {
    Validation validation = load(dir);
    String actual = Pipelines.render(validation);
    Path expected = dir.resolve("expected.txt");
    if (UPDATE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    assertFalse(validation.diagnostics().isEmpty(), dir + " is an invalid case but loads clean");
    assertTrue(
        Files.exists(expected),
        expected + " is missing; run with -Dshiprun.updateGolden=true and review it");
    String golden = Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertEquals(golden, actual, "diagnostics of " + dir.getFileName());
  }

  /**
   * Reads a case folder as a directory is read (the files of {@link PipelineFiles#DIRECTORY_FILES},
   * in that order), naming each file relative to the folder.
   */
  static Validation load(Path dir) throws IOException {
    List<PipelineFile> files = new ArrayList<>();
    for (String name : PipelineFiles.DIRECTORY_FILES) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        files.add(new PipelineFile(name, Files.readAllBytes(file)));
      }
    }
    assertFalse(files.isEmpty(), dir + " holds no pipeline file");
    return new AssemblyLineLoader().load(files, new Diagnostics());
  }

  private static List<Path> cases() {
    try (Stream<Path> dirs = Files.list(INVALID)) {
      List<Path> found = dirs.filter(Files::isDirectory).sorted().toList();
      assertFalse(found.isEmpty(), "no scenarios under " + INVALID.toAbsolutePath());
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
