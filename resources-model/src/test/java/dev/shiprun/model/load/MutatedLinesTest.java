package dev.shiprun.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticRenderer;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.parse.PipelineFiles;
import dev.shiprun.model.plan.PlanRequest;
import dev.shiprun.model.plan.Planner;
import dev.shiprun.model.validate.ValidPipeline;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.model.yaml.YamlLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every sample and scenario of the project, mutated at random the way a hand edit or a bad merge
 * breaks YAML: whatever comes out, the model answers with diagnostics (each at a place in the files
 * it was given, each renderable) or a valid line it can plan — never an exception. The seed and the
 * size come from {@code shiprun.fuzz.seed} and {@code shiprun.fuzz.cases}; {@code bench/soak.sh}
 * runs it at a larger size.
 */
class MutatedLinesTest {

  private static final int CASES = Integer.getInteger("shiprun.fuzz.cases", 2_000);
  private static final long SEED = Long.getLong("shiprun.fuzz.seed", 20261206L);

  /** Characters that change what YAML means, and bytes that are not text. */
  private static final String SIGNIFICANT = ":-&*!|>{}[],\"'#%@`?\t\r\u0000\u00a0\ufeff\u2028";

  private static final List<String> WORDS =
      List.of(
          "IN",
          "OUT",
          "TASK",
          "NOTIFY",
          "script",
          "type",
          "name",
          "runSh",
          "runCI",
          "image",
          "params",
          "state",
          "gitRepo",
          "integration",
          "version",
          "versionName",
          "switch",
          "replicate",
          "on_success",
          "on_failure",
          "always",
          "on_start",
          "on_cancel",
          "jobs",
          "resources",
          "dependencyMode",
          "runtime",
          "container",
          "options",
          "imageName",
          "seed",
          "pointer",
          "true",
          "false",
          "~",
          "null",
          "0",
          "-1",
          "99999999999999999999",
          "[]",
          "{}",
          "<<: *x",
          "&x",
          "*x",
          "!!binary",
          "!!str",
          "? a",
          "- - -");

  @Test
  void mutatedLinesGiveDiagnosticsOrAPlanNeverAnException() {
    List<List<PipelineFile>> lines = projectLines();
    assertFalse(
        lines.isEmpty(), "no samples or scenarios found from " + Path.of("").toAbsolutePath());
    AssemblyLineLoader loader = new AssemblyLineLoader();
    Random random = new Random(SEED);
    int valid = 0;
    int invalid = 0;
    for (int n = 0; n < CASES; n++) {
      List<PipelineFile> line = lines.get(random.nextInt(lines.size()));
      List<PipelineFile> mutated = mutateOne(line, random);
      try {
        if (check(loader, mutated)) {
          valid++;
        } else {
          invalid++;
        }
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        throw new AssertionError("case " + n + " (seed " + SEED + ") threw: " + show(mutated), e);
      }
    }
    assertEquals(CASES, valid + invalid);
    assertTrue(invalid > CASES / 10, "mutations should break many lines, broke " + invalid);
  }

  /** Loads one mutated line and checks what came out; true when it was valid. */
  private static boolean check(AssemblyLineLoader loader, List<PipelineFile> files) {
    Validation validation = loader.load(files, new Diagnostics());
    Set<String> names = files.stream().map(PipelineFile::name).collect(Collectors.toSet());
    DiagnosticRenderer renderer = new DiagnosticRenderer(validation.pipeline().sources());
    for (Diagnostic d : validation.diagnostics()) {
      String file = d.at().file();
      if (!names.contains(file)) {
        fail("diagnostic outside the given files: " + d.headline() + " in " + show(files));
      }
      String rendered = renderer.render(d);
      assertTrue(rendered.startsWith(d.headline()), rendered);
    }
    if (validation.valid().isEmpty()) {
      assertTrue(validation.errorCount() > 0, "invalid without an error: " + show(files));
      return false;
    }
    ValidPipeline valid = validation.valid().get();
    valid.line().topologicalOrder();
    new Planner().plan(valid, new PlanRequest(List.of(), true, Map.of()));
    return true;
  }

  private static List<PipelineFile> mutateOne(List<PipelineFile> line, Random random) {
    List<PipelineFile> out = new ArrayList<>(line);
    int which = random.nextInt(out.size());
    PipelineFile file = out.get(which);
    String text = new String(file.bytes(), StandardCharsets.UTF_8);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      text = mutate(text, random);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(20) == 0 && bytes.length > 0) {
      bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
    }
    out.set(which, new PipelineFile(file.name(), bytes));
    return out;
  }

  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int at = random.nextInt(lines.size());
    String line = lines.get(at);
    switch (random.nextInt(10)) {
      case 0 -> lines.remove(at);
      case 1 -> lines.add(at, line);
      case 2 -> {
        if (at + 1 < lines.size()) {
          lines.set(at, lines.get(at + 1));
          lines.set(at + 1, line);
        }
      }
      case 3 -> lines.set(at, (random.nextBoolean() ? "  " : "") + line.replaceFirst("^  ", ""));
      case 4 -> {
        int pos = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
        char c = SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length()));
        lines.set(at, line.substring(0, pos) + c + line.substring(pos));
      }
      case 5 -> {
        if (!line.isEmpty()) {
          int from = random.nextInt(line.length());
          int to = Math.min(line.length(), from + 1 + random.nextInt(8));
          lines.set(at, line.substring(0, from) + line.substring(to));
        }
      }
      case 6 -> {
        String[] tokens = line.split("(?<=[\\s:])|(?=[\\s:])", -1);
        int t = random.nextInt(tokens.length);
        if (!tokens[t].isBlank() && !tokens[t].equals(":")) {
          tokens[t] = WORDS.get(random.nextInt(WORDS.size()));
        }
        lines.set(at, String.join("", tokens));
      }
      case 7 -> {
        String joined = String.join("\n", lines);
        return joined.substring(0, random.nextInt(joined.length() + 1));
      }
      case 8 ->
          lines.add(at, line.replaceAll("\\S.*", "") + WORDS.get(random.nextInt(WORDS.size())));
      default -> {
        int other = random.nextInt(lines.size());
        lines.set(at, lines.get(other));
      }
    }
    return String.join("\n", lines);
  }

  /** Each sample and scenario folder, read as {@code shiprun validate FOLDER} reads it. */
  private static List<List<PipelineFile>> projectLines() {
    PipelineFiles reader = new PipelineFiles(YamlLimits.DEFAULT.maxBytes());
    List<List<PipelineFile>> out = new ArrayList<>();
    for (Path root : List.of(Path.of("..", "samples"), Path.of("..", "src", "scenarios"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      Set<Path> folders = new TreeSet<>();
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".yml")).forEach(p -> folders.add(p.getParent()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Path folder : folders) {
        List<PipelineFile> files = reader.read(List.of(folder), new Diagnostics());
        if (!files.isEmpty()) {
          out.add(files);
        }
      }
    }
    return out;
  }

  private static String show(List<PipelineFile> files) {
    StringBuilder out = new StringBuilder();
    for (PipelineFile f : files) {
      out.append("\n--- ").append(f.name()).append('\n');
      out.append(new String(f.bytes(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
