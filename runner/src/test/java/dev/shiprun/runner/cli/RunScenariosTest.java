package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.validate.Validation;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The run scenarios in {@code src/scenarios/run/<case>/}: each case's line is run with the real CLI
 * (in-process, real bash) in a fresh home, step by step as its {@code steps.txt} says, and what
 * each step did — its exit code, each job's status, the versions it made — must equal the case's
 * {@code expected.txt}. The format is in src/scenarios/README.md.
 *
 * <p>{@code -Dshiprun.updateGolden=true} rewrites every expected.txt from the current outcome;
 * review the diff before keeping it.
 */
@QuarkusMainTest
class RunScenariosTest {

  static final Path RUN = Path.of("..", "src", "scenarios", "run");
  private static final boolean UPDATE = Boolean.getBoolean("shiprun.updateGolden");

  /** propertyBag keys that differ from one run to the next (ids, times, hashes of the trace). */
  private static final Set<String> UNSTABLE = Set.of("trace", "yml", "sha");

  /** The console's line for a job left out of the run: {@code not run <job>: <why>}. */
  private static final Pattern NOT_RUN = Pattern.compile("not run\\s+(\\S+): (.*)");

  private static final Pattern SHA = Pattern.compile("\\b[0-9a-f]{64}\\b");

  @TempDir Path home;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRunScenarioEndsAsExpected(String name, QuarkusMainLauncher launcher) throws IOException {
    Path dir = RUN.resolve(name);
    String actual = play(dir, launcher);
    Path expected = dir.resolve("expected.txt");
    if (UPDATE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(
        Files.exists(expected),
        expected + " is missing; run with -Dshiprun.updateGolden=true and review it");
    String golden = Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertEquals(golden, actual, "scenario " + name);
  }

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(RUN)) {
      List<String> found =
          dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
      assertFalse(found.isEmpty(), "no scenarios under " + RUN.toAbsolutePath());
      return found.stream();
    }
  }

  /** Runs the steps of the case, each followed by what it did. */
  private String play(Path dir, QuarkusMainLauncher launcher) throws IOException {
    List<String> names = names(dir);
    Map<String, Integer> seen = new HashMap<>();
    StringBuilder out = new StringBuilder();
    for (String step : steps(dir)) {
      List<String> args = new ArrayList<>();
      for (String word : step.split("\\s+")) {
        args.add(word.equals(".") ? dir.toString() : word);
      }
      args.addAll(List.of("--home", home.toString(), "-o", "json"));
      LaunchResult result = launcher.launch(args.toArray(String[]::new));
      out.append("$ shiprun ").append(step).append('\n');
      out.append("exit ").append(result.exitCode()).append('\n');
      Map<Long, String> runs = new HashMap<>();
      String stdout = result.getOutput();
      JsonNode summary = stdout.isBlank() ? null : new ObjectMapper().readTree(stdout);
      if (summary != null && summary.has("runs")) {
        describeRuns(summary, result.getErrorOutput(), runs, out);
      } else if (result.exitCode() != 0) {
        // The home and the case folder differ from one run to the next: named as in steps.txt.
        String error =
            result
                .getErrorOutput()
                .strip()
                .replace(home.toString(), "<home>")
                .replace(dir.toString(), ".");
        out.append("error: ").append(error).append('\n');
      }
      describeNewVersions(names, seen, runs, out);
    }
    return numberShas(out.toString());
  }

  /**
   * Each sha-256 (a state resource's versionName and shaData) becomes {@code <sha1>}, {@code
   * <sha2>}… in the order they first appear: the same files show the same name, while the sha
   * itself, which covers the files' modes, depends on the machine's umask.
   */
  private static String numberShas(String text) {
    Map<String, String> names = new HashMap<>();
    Matcher m = SHA.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = names.computeIfAbsent(m.group(), k -> "<sha" + (names.size() + 1) + ">");
      m.appendReplacement(out, Matcher.quoteReplacement(name));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The jobs that ran, by name, with their build number, status and reason, and the jobs the run
   * left out (the console's {@code not run} lines).
   */
  private static void describeRuns(
      JsonNode summary, String console, Map<Long, String> runs, StringBuilder out) {
    Map<String, String> lines = new TreeMap<>();
    for (JsonNode r : summary.get("runs")) {
      String job = r.get("job").asText();
      runs.put(r.get("runId").asLong(), job + " #" + r.get("buildNumber").asInt());
      String reason = r.get("reason").isNull() ? "" : " (" + r.get("reason").asText() + ")";
      lines.put(
          job,
          "  "
              + job
              + " #"
              + r.get("buildNumber").asInt()
              + ": "
              + r.get("status").asText()
              + reason);
    }
    for (String l : console.split("\n")) {
      Matcher m = NOT_RUN.matcher(l);
      if (m.matches()) {
        lines.put(m.group(1), "  " + m.group(1) + ": not run (" + m.group(2) + ")");
      }
    }
    for (JsonNode n : summary.get("notReady")) {
      String job = n.get("job").asText();
      lines.put(job, "  " + job + ": not ready (" + n.get("reason").asText() + ")");
    }
    out.append("jobs:").append(lines.isEmpty() ? " none" : "").append('\n');
    lines.values().forEach(l -> out.append(l).append('\n'));
  }

  /**
   * The versions posted since the last step, by name then number, and who made them: read from the
   * home's store once the command has ended (one look, where a {@code versions} command per name
   * would start the CLI once for each).
   */
  private void describeNewVersions(
      List<String> names, Map<String, Integer> seen, Map<Long, String> runs, StringBuilder out) {
    List<String> lines = new ArrayList<>();
    try (Store store = Store.open(home, new ObjectMapper())) {
      store.transaction(
          c -> {
            for (String name : names) {
              for (String line : store.versions().linesWith(c, name)) {
                List<StoredVersion> versions =
                    new ArrayList<>(store.versions().list(c, line, name));
                versions.sort(Comparator.comparingInt(StoredVersion::number));
                for (StoredVersion v : versions) {
                  if (v.number() > seen.getOrDefault(name, 0)) {
                    lines.add(describeVersion(v, runs));
                    seen.put(name, v.number());
                  }
                }
              }
            }
            return null;
          });
    }
    out.append("versions:").append(lines.isEmpty() ? " none" : "").append('\n');
    lines.forEach(l -> out.append(l).append('\n'));
  }

  private static String describeVersion(StoredVersion v, Map<Long, String> runs) {
    String by =
        v.createdByRun().isEmpty()
            ? "YAML"
            : runs.getOrDefault(v.createdByRun().getAsLong(), "an earlier run");
    Map<String, Object> bag = new TreeMap<>();
    v.propertyBag()
        .forEach(
            (key, value) -> {
              if (!UNSTABLE.contains(key)) {
                bag.put(key, value);
              }
            });
    return "  "
        + v.name()
        + " "
        + v.kind().wire()
        + " #"
        + v.number()
        + " "
        + v.versionName().orElse("-")
        + " "
        + render(bag)
        + " by "
        + by;
  }

  /** A map as {@code {key: value, …}}, keys sorted: a key or value holding '=' stays readable. */
  private static String render(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringJoiner out = new StringJoiner(", ", "{", "}");
      new TreeMap<>(map).forEach((k, v) -> out.add(k + ": " + render(v)));
      return out.toString();
    }
    if (value instanceof List<?> list) {
      StringJoiner out = new StringJoiner(", ", "[", "]");
      list.forEach(v -> out.add(render(v)));
      return out.toString();
    }
    return String.valueOf(value);
  }

  /** The steps of the case ({@code steps.txt}, one command a line), or one plain run. */
  private static List<String> steps(Path dir) throws IOException {
    Path file = dir.resolve("steps.txt");
    if (!Files.exists(file)) {
      return List.of("run .");
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  /** The names of the line's resources and jobs, sorted: whose versions the case shows. */
  private static List<String> names(Path dir) {
    try {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> list = Files.list(dir)) {
        list.filter(p -> p.getFileName().toString().matches("shippable.*\\.yml"))
            .sorted()
            .forEach(files::add);
      }
      Validation v = new AssemblyLineLoader().load(files);
      Set<String> names = new TreeSet<>();
      v.pipeline().resources().stream().map(Resource::name).forEach(names::add);
      v.pipeline().jobs().stream().map(Job::name).forEach(names::add);
      return List.copyOf(names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
