package dev.shiprun.model.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The loader's own tree builder gives what SnakeYAML's composer gives ({@link ComposedTree}): the
 * same values, texts, styles and positions, for every sample and scenario file and for a few shapes
 * the files do not hold (anchors, aliases, merge keys, several documents).
 */
class TreeBuilderOracleTest {

  private final YamlLoader loader = new YamlLoader(YamlLimits.DEFAULT);

  @Test
  void everySampleAndScenarioFileReadsAsTheComposerReadsIt() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> files;
    try (Stream<Path> samples = Files.walk(root.resolve("samples"));
        Stream<Path> scenarios = Files.walk(root.resolve("src/scenarios"))) {
      files =
          Stream.concat(samples, scenarios)
              .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
              .sorted()
              .toList();
    }
    assertTrue(files.size() > 50, "found the files: " + files.size());
    int compared = 0;
    for (Path file : files) {
      if (compare(root.relativize(file).toString(), Files.readAllBytes(file))) {
        compared++;
      }
    }
    // The rest are the scenarios of YAML errors, which neither reads.
    assertTrue(compared > files.size() * 3 / 4, compared + " of " + files.size() + " compared");
  }

  @Test
  void anchorsAliasesMergesAndDocumentsReadAsTheComposerReadsThem() {
    String text =
        """
        base: &base
          type: image
          seed: {versionName: "1.0", flag: on}
        list: &items [a, 'b', "c", 1, ~]
        jobs:
          - <<: *base
            name: app
            steps: *items
          - <<: [*base, {extra: x}]
            type: params
            block: |
              line one
              line two
        ---
        second: document
        """;
    assertTrue(compare("p.yml", text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Loads {@code bytes} both ways and checks the trees agree; false when it is no valid YAML. */
  private boolean compare(String file, byte[] bytes) {
    Diagnostics diagnostics = new Diagnostics();
    List<YamlValue> built = loader.load(file, bytes, diagnostics);
    if (built.isEmpty()
        || diagnostics.sorted().stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
      return false;
    }
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(false);
    List<YamlValue> composed =
        ComposedTree.documents(
            YamlLoader.text(bytes),
            new YamlLoader.LineMap(file, Optional.empty()),
            new Diagnostics(),
            options);
    assertEquals(composed.size(), built.size(), file + ": documents");
    for (int i = 0; i < built.size(); i++) {
      same(composed.get(i), built.get(i), file + ", document " + (i + 1));
    }
    return true;
  }

  private static void same(YamlValue expected, YamlValue actual, String where) {
    assertEquals(expected.getClass(), actual.getClass(), where + ": kind");
    // The composer's value stands at its anchor; the builder's at the alias, naming the anchor.
    assertEquals(
        expected.at(),
        actual.alias().map(YamlAnchor::at).orElse(actual.at()),
        where + ": position");
    String here = where + " at " + actual.at();
    if (actual instanceof YamlScalar s) {
      YamlScalar e = (YamlScalar) expected;
      assertEquals(e.text(), s.text(), here + ": text");
      assertEquals(e.plain(), s.plain(), here + ": plain");
    } else if (actual instanceof YamlSequence s) {
      List<YamlValue> items = ((YamlSequence) expected).items();
      assertEquals(items.size(), s.items().size(), here + ": items");
      for (int i = 0; i < items.size(); i++) {
        same(items.get(i), s.items().get(i), here + ", item " + (i + 1));
      }
    } else {
      List<YamlEntry> entries = ((YamlMapping) expected).entries();
      List<YamlEntry> actualEntries = ((YamlMapping) actual).entries();
      assertEquals(
          entries.stream().map(YamlEntry::name).toList(),
          actualEntries.stream().map(YamlEntry::name).toList(),
          here + ": keys");
      for (int i = 0; i < entries.size(); i++) {
        YamlEntry e = entries.get(i);
        assertEquals(e.key().at(), actualEntries.get(i).key().at(), here + ": key " + e.name());
        same(e.value(), actualEntries.get(i).value(), here + ", key " + e.name());
      }
    }
  }
}
