package dev.shiprun.bench;

import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.validate.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The time {@code shiprun validate DIR} spends reading and validating a line spread over folders,
 * against the same line in one folder, measured in-process (no JVM start in the figure).
 *
 * <pre>
 * java -cp bench/jmh/target/benchmarks.jar dev.shiprun.bench.FolderTree generate DIR LINES FOLDERS
 *     writes DIR/tree (the generated line cut into FOLDERS folders, each with its share of the
 *     resources and jobs in shippable.resources.yml and shippable.jobs.yml) and DIR/flat (the
 *     same text in one folder); LINES is the least number of YAML lines in all
 * java -cp … dev.shiprun.bench.FolderTree first DIR/tree
 *     one load in a fresh JVM, as the CLI does it: prints "first MS JOBS RESOURCES"
 * java -cp … dev.shiprun.bench.FolderTree warm DIR ROUNDS
 *     ROUNDS loads of tree and of flat, alternating, after as many for warm-up: prints
 *     "warm tree MEDIAN MIN MAX" and "warm flat MEDIAN MIN MAX" (ms)
 * </pre>
 *
 * Every load must be valid with no diagnostic, or the figure would time an error path.
 */
public final class FolderTree {

  private FolderTree() {}

  public static void main(String[] args) throws IOException {
    switch (args[0]) {
      case "generate" ->
          generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "first" -> {
        long start = System.nanoTime();
        Validation v = load(Path.of(args[1]));
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
            "first %d %d %d%n", ms, v.pipeline().jobs().size(), v.pipeline().resources().size());
      }
      case "warm" -> warm(Path.of(args[1]), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("generate, first or warm: " + args[0]);
    }
  }

  private static Validation load(Path dir) {
    Validation v = new AssemblyLineLoader().load(List.of(dir));
    if (!v.diagnostics().isEmpty() || v.valid().isEmpty()) {
      throw new IllegalStateException(dir + " is not clean: " + v.diagnostics().get(0));
    }
    return v;
  }

  private static void warm(Path dir, int rounds) {
    Path tree = dir.resolve("tree");
    Path flat = dir.resolve("flat");
    for (int i = 0; i < rounds; i++) {
      load(tree);
      load(flat);
    }
    long[] treeMs = new long[rounds];
    long[] flatMs = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      treeMs[i] = time(tree);
      flatMs[i] = time(flat);
    }
    print("tree", treeMs);
    print("flat", flatMs);
  }

  private static long time(Path dir) {
    long start = System.nanoTime();
    load(dir);
    return (System.nanoTime() - start) / 1_000;
  }

  private static void print(String shape, long[] micros) {
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    System.out.printf(
        "warm %s %.1f %.1f %.1f%n", shape, median / 1000, sorted[0] / 1000.0, sorted[n - 1] / 1000.0);
  }

  /** The smallest generated line (n a multiple of 5) with at least {@code lines} lines, cut. */
  private static void generate(Path dir, int lines, int folders) throws IOException {
    int n = 10;
    LineGenerator generator = new LineGenerator(n);
    while (count(generator.resourcesYaml()) + count(generator.jobsYaml()) < lines) {
      n += 5;
      generator = new LineGenerator(n);
    }
    String resources = generator.resourcesYaml();
    String jobs = generator.jobsYaml();
    write(dir.resolve("flat/shippable.resources.yml"), resources);
    write(dir.resolve("flat/shippable.jobs.yml"), jobs);
    List<String> resourceParts = cut(resources, "resources:", folders);
    List<String> jobParts = cut(jobs, "jobs:", folders);
    for (int f = 0; f < folders; f++) {
      Path folder = dir.resolve(String.format("tree/team-%02d/pipelines", f));
      write(folder.resolve("shippable.resources.yml"), resourceParts.get(f));
      write(folder.resolve("shippable.jobs.yml"), jobParts.get(f));
    }
    System.out.printf(
        "generated n=%d: %d lines, %d bytes, in 1 folder and in %d folders%n",
        n, count(resources) + count(jobs), resources.length() + jobs.length(), folders);
  }

  /** The items of the top-level list {@code key} cut into {@code parts} files of that key. */
  private static List<String> cut(String yaml, String key, int parts) {
    List<String> items = new ArrayList<>();
    StringBuilder item = null;
    for (String line : yaml.split("\n", -1)) {
      if (line.startsWith("  - ")) {
        if (item != null) {
          items.add(item.toString());
        }
        item = new StringBuilder();
      }
      if (item != null && !line.isEmpty()) {
        item.append(line).append('\n');
      }
    }
    if (item != null) {
      items.add(item.toString());
    }
    List<String> files = new ArrayList<>();
    int per = (items.size() + parts - 1) / parts;
    for (int p = 0; p < parts; p++) {
      StringBuilder file = new StringBuilder(key).append('\n');
      items.subList(Math.min(items.size(), p * per), Math.min(items.size(), (p + 1) * per))
          .forEach(file::append);
      files.add(file.toString());
    }
    return files;
  }

  private static int count(String text) {
    int lines = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
