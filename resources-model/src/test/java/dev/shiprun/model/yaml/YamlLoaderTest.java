package dev.shiprun.model.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.Severity;
import dev.shiprun.model.diagnostic.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {

  private final YamlLoader loader = new YamlLoader(YamlLimits.DEFAULT);
  private final Diagnostics out = new Diagnostics();

  private List<YamlValue> load(String text) {
    return load(text.getBytes(StandardCharsets.UTF_8));
  }

  private List<YamlValue> load(byte[] bytes) {
    return loader.load("p.yml", bytes, out);
  }

  private YamlMapping loadMapping(String text) {
    List<YamlValue> docs = load(text);
    assertEquals(List.of(), out.sorted(), "diagnostics");
    assertEquals(1, docs.size());
    return assertInstanceOf(YamlMapping.class, docs.get(0));
  }

  private Diagnostic only() {
    List<Diagnostic> all = out.sorted();
    assertEquals(1, all.size(), "diagnostics: " + all);
    return all.get(0);
  }

  private static SourceLocation at(int line, int column) {
    return new SourceLocation("p.yml", line, column);
  }

  @Test
  void everyNodeKnowsItsLineAndColumn() {
    YamlMapping top =
        loadMapping(
            """
            jobs:
              - name: build
                steps:
                  - IN: repo
            """);
    YamlEntry jobs = top.entry("jobs").orElseThrow();
    assertEquals(at(1, 1), jobs.key().at());
    YamlSequence list = assertInstanceOf(YamlSequence.class, jobs.value());
    YamlMapping job = assertInstanceOf(YamlMapping.class, list.items().get(0));
    assertEquals(at(2, 5), job.at(), "a mapping starts at its first key");
    YamlEntry name = job.entry("name").orElseThrow();
    assertEquals(at(2, 5), name.key().at());
    assertEquals(at(2, 11), name.value().at());
    YamlSequence steps = assertInstanceOf(YamlSequence.class, job.get("steps").orElseThrow());
    YamlMapping in = assertInstanceOf(YamlMapping.class, steps.items().get(0));
    assertEquals(at(4, 13), in.get("IN").orElseThrow().at());
  }

  @Test
  void keepsEntriesInDocumentOrder() {
    YamlMapping m = loadMapping("b: 1\na: 2\nc: 3\n");
    assertEquals(List.of("b", "a", "c"), m.entries().stream().map(YamlEntry::name).toList());
  }

  @Test
  void quotedScalarsAreNeverBooleansOrNumbers() {
    YamlMapping m = loadMapping("plain: off\nquoted: \"off\"\nnumber: 42\nstring: '42'\n");
    assertEquals(Optional.of(false), ((YamlScalar) m.get("plain").get()).asBoolean());
    assertEquals(Optional.empty(), ((YamlScalar) m.get("quoted").get()).asBoolean());
    assertEquals(42L, m.get("number").get().toPlain());
    assertEquals("42", m.get("string").get().toPlain());
  }

  @Test
  void mergeKeyCopiesTheAnchorsEntriesAndExplicitKeysWin() {
    YamlMapping top =
        loadMapping(
            """
            base: &base
              type: runSh
              priority: 10
            job:
              <<: *base
              name: build
              priority: 1
            """);
    YamlMapping job = (YamlMapping) top.get("job").orElseThrow();
    assertEquals(
        Map.of("type", "runSh", "priority", 1L, "name", "build"), job.toPlain(), "merged job");
    assertEquals(at(2, 3), job.entry("type").orElseThrow().key().at(), "merged keys keep home");
  }

  @Test
  void mergeKeyWithAListTakesEarlierMappingsFirst() {
    YamlMapping top =
        loadMapping(
            """
            a: &a {x: from-a}
            b: &b {x: from-b, y: from-b}
            c:
              <<: [*a, *b]
            """);
    assertEquals(Map.of("x", "from-a", "y", "from-b"), top.get("c").orElseThrow().toPlain());
  }

  @Test
  void mergeKeyOfAScalarIsAShapeError() {
    load("a: &a just-text\nb:\n  <<: *a\n");
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL008, d.code());
    assertTrue(d.message().contains("merge key '<<'"), d.message());
  }

  @Test
  void duplicateKeyIsReportedAtTheSecondKeyAndTheFirstValueKept() {
    List<YamlValue> docs = load("name: a\ntype: image\nname: b\n");
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL002, d.code());
    assertEquals(at(3, 1), d.at());
    assertEquals(List.of("first defined at p.yml:1:1; keep one of them"), d.hints());
    assertEquals("a", ((YamlMapping) docs.get(0)).get("name").get().toPlain());
  }

  @Test
  void duplicateKeysAreFoundInNestedMappingsAndQuotedSpellings() {
    load("outer:\n  inner:\n    k: 1\n    \"k\": 2\n");
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL002, d.code());
    assertEquals(at(4, 5), d.at());
  }

  @Test
  void billionLaughsIsRefusedWithADiagnostic() {
    List<YamlValue> docs = load(AliasBombProbe.billionLaughs());
    assertEquals(List.of(), docs);
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL006, d.code());
    assertTrue(d.message().startsWith("document expands to more than"), d.message());
  }

  @Test
  void billionLaughsIsRefusedWithinASixteenMebibyteHeap() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process probe =
        new ProcessBuilder(
                java.toString(),
                "-Xmx16m",
                "-cp",
                System.getProperty("java.class.path"),
                AliasBombProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(probe.waitFor(2, TimeUnit.MINUTES), "probe did not finish");
    assertEquals(0, probe.exitValue(), output);
    assertEquals("AL006", output.strip());
  }

  @Test
  void aliasOfTheValueThatContainsItIsRefused() {
    load("loop: &loop [1, *loop]\n");
    List<Diagnostic> all = out.sorted();
    assertFalse(all.isEmpty());
    assertEquals(DiagnosticCode.AL006, all.get(0).code());
    assertTrue(all.get(0).message().contains("refers to the value that contains it"));
  }

  @Test
  void aliasWithoutAnchorIsASyntaxErrorAtTheAlias() {
    assertEquals(List.of(), load("a: 1\nb: *nowhere\n"));
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL001, d.code());
    assertEquals("yaml syntax error: found undefined alias nowhere", d.message());
    assertEquals(at(2, 4), d.at());
  }

  @Test
  void tooManyAliasesOfCollectionsAreRefusedWhereTheyAreUsed() {
    StringBuilder yaml = new StringBuilder("base: &b {x: 1}\nuses:\n");
    for (int i = 0; i < YamlLimits.DEFAULT.maxAliases() + 1; i++) {
      yaml.append("  - *b\n");
    }
    assertEquals(List.of(), load(yaml.toString()));
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL006, d.code());
    assertEquals(
        "document uses more than "
            + YamlLimits.DEFAULT.maxAliases()
            + " aliases of lists or mappings",
        d.message());
    assertEquals(at(3, 3), d.at());
  }

  @Test
  void scalarAliasesAndMergeKeysShareTheAnchoredValues() {
    YamlMapping root =
        loadMapping("v: &v text\nbase: &b {x: 1, y: 2}\nuse: {<<: *b, y: 3, z: *v}\n");
    YamlMapping use = (YamlMapping) root.get("use").orElseThrow();
    assertEquals(List.of("y", "z", "x"), use.entries().stream().map(YamlEntry::name).toList());
    assertEquals("3", ((YamlScalar) use.get("y").orElseThrow()).text());
    assertEquals("text", ((YamlScalar) use.get("z").orElseThrow()).text());
  }

  @Test
  void aliasesNestedInAliasesCannotOverflowTheStack() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 600; i++) { // 600 anchors × 90 levels: 54,000 levels once expanded
      yaml.append("k").append(i).append(": &a").append(i).append(' ');
      yaml.append("[".repeat(90)).append(i == 0 ? "1" : "*a" + (i - 1)).append("]".repeat(90));
      yaml.append('\n');
    }
    assertEquals(List.of(), load(yaml.toString()));
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL005, d.code());
    assertTrue(d.message().contains("once aliases are expanded"), d.message());
  }

  @Test
  void valuesNestedBeyondTheLimitAreRefused() {
    load("deep: " + "[".repeat(150) + "]".repeat(150) + "\n");
    assertEquals(DiagnosticCode.AL005, only().code());
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeParsing() {
    YamlLoader small = new YamlLoader(new YamlLimits(64, 100, 2_000, 100_000));
    small.load("p.yml", "a: 1\n".repeat(20).getBytes(StandardCharsets.UTF_8), out);
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL005, d.code());
    assertEquals(SourceLocation.ofFile("p.yml"), d.at());
  }

  @Test
  void byteOrderMarkIsSkippedAndPositionsStayTheSame() {
    byte[] text = "name: a\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    List<YamlValue> docs = load(withBom);
    assertEquals(List.of(), out.sorted());
    YamlEntry name = ((YamlMapping) docs.get(0)).entries().get(0);
    assertEquals("name", name.name(), "the BOM is not part of the first key");
    assertEquals(at(1, 1), name.key().at());
  }

  @Test
  void tabIndentationIsASyntaxErrorWithAHint() {
    load("jobs:\n\t- name: build\n");
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL001, d.code());
    assertEquals(at(2, 1), d.at());
    assertFalse(d.message().contains("\\t"), "no escaped tab in: " + d.message());
    assertTrue(d.hints().contains("YAML does not allow tabs for indentation; indent with spaces"));
  }

  @Test
  void tabInsideAQuotedValueIsFine() {
    YamlMapping m = loadMapping("cmd: \"a\tb\"\n");
    assertEquals("a\tb", m.get("cmd").get().toPlain());
  }

  @Test
  void syntaxErrorIsReportedAtTheParsersPosition() {
    load("script: echo time: now\n");
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL001, d.code());
    assertEquals(at(1, 18), d.at());
    assertEquals("yaml syntax error: mapping values are not allowed here", d.message());
    assertTrue(d.hints().get(0).contains("quote the whole value"), d.hints().toString());
  }

  @Test
  void aKeyIndentedDeeperThanTheLineAboveIsNotCalledAColonInAValue() {
    load("job:\n  name: build\n    type: runSh\n");
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL001, d.code());
    assertEquals(at(3, 9), d.at());
    assertEquals(
        "'type:' is indented deeper than the line above, so YAML reads it as more of that "
            + "line's value; align 'type:' with the key it belongs beside",
        d.hints().get(0));
  }

  @Test
  void aValueReadThroughAnAliasStandsAtTheAliasAndNamesItsAnchor() {
    YamlMapping root = loadMapping("common: &common\n  - make\nuse:\n  - *common\n");
    YamlSequence use = (YamlSequence) root.get("use").orElseThrow();
    YamlSequence used = (YamlSequence) use.items().get(0);
    assertEquals(at(4, 5), used.at());
    assertEquals(new YamlAnchor("common", at(1, 9)), used.aliasOf());
    YamlSequence anchored = (YamlSequence) root.get("common").orElseThrow();
    assertEquals(null, anchored.aliasOf());
    assertTrue(anchored.items() == used.items(), "the items are shared, not copied");
  }

  @Test
  void fileOfCommentsAndDocumentMarkersIsEmpty() {
    assertEquals(List.of(), load("# nothing\n\n---\n   \n"));
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL003, d.code());
    assertEquals(Severity.WARNING, d.severity());
    assertEquals(SourceLocation.ofFile("p.yml"), d.at());
  }

  @Test
  void zeroByteFileIsEmpty() {
    load(new byte[0]);
    assertEquals(DiagnosticCode.AL003, only().code());
  }

  @Test
  void invalidUtf8IsReportedAtTheBadByteCountingColumnsInCharacters() {
    byte[] head = "a: ok\nb: \"→ caf".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9; // Latin-1 é
    bytes[head.length + 1] = '"';
    load(bytes);
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL004, d.code());
    // line 2: b, :, space, ", →, space, c, a, f, then the bad byte: character 10 (→ is 3 bytes)
    assertEquals(at(2, 10), d.at());
    assertTrue(d.message().contains("byte 0xe9 at offset " + head.length), d.message());
  }

  @Test
  void severalDocumentsInOneFileAreAllRead() {
    assertEquals(2, load("a: 1\n---\nb: 2\n").size());
  }

  @Test
  void complexKeyIsAShapeError() {
    load("? [a, b]\n: value\n");
    assertEquals(DiagnosticCode.AL008, only().code());
  }

  @Test
  void preludeLendsItsAnchorsAndPositionsStayInTheirOwnFile() {
    YamlLoader.Prelude prelude =
        new YamlLoader.Prelude("templates.yml", "templates:\n  s: &script\n    - make\n");
    List<YamlValue> docs =
        loader.load(
            "jobs.yml",
            "jobs:\n  - script: *script\n".getBytes(StandardCharsets.UTF_8),
            Optional.of(prelude),
            out);
    assertEquals(List.of(), out.sorted());
    YamlMapping top = (YamlMapping) docs.get(0);
    assertEquals(new SourceLocation("jobs.yml", 1, 1), top.entry("jobs").get().key().at());
    YamlMapping job = (YamlMapping) ((YamlSequence) top.get("jobs").get()).items().get(0);
    YamlSequence script = (YamlSequence) job.get("script").get();
    assertEquals(new SourceLocation("templates.yml", 3, 7), script.items().get(0).at());
  }

  @Test
  void fileStartingWithADocumentMarkerCanStillUseThePreludesAnchors() {
    YamlLoader.Prelude prelude = new YamlLoader.Prelude("templates.yml", "t: &t make\n");
    List<YamlValue> docs =
        loader.load(
            "jobs.yml",
            "# jobs\n--- # start\nscript: *t\n".getBytes(StandardCharsets.UTF_8),
            Optional.of(prelude),
            out);
    assertEquals(List.of(), out.sorted());
    YamlMapping top = (YamlMapping) docs.get(0);
    assertEquals("make", top.get("script").get().toPlain());
    assertEquals(new SourceLocation("jobs.yml", 3, 1), top.entry("script").get().key().at());
  }

  @Test
  void documentMarkerIsOnlyBlankedWhenNothingFollowsItOnItsLine() {
    assertEquals("   \na: 1\n", YamlLoader.withoutLeadingDocumentStart("---\na: 1\n"));
    assertEquals("# c\n    # x\n", YamlLoader.withoutLeadingDocumentStart("# c\n--- # x\n"));
    assertEquals("--- a: 1\n", YamlLoader.withoutLeadingDocumentStart("--- a: 1\n"));
    assertEquals("a: 1\n---\n", YamlLoader.withoutLeadingDocumentStart("a: 1\n---\n"));
  }

  @Test
  void syntaxErrorThatRunsOnIntoTheFileNamesWhereThePreludeStartedIt() {
    YamlLoader.Prelude prelude = new YamlLoader.Prelude("templates.yml", "t: [unclosed\n");
    loader.load("jobs.yml", "a: 1\n".getBytes(StandardCharsets.UTF_8), Optional.of(prelude), out);
    Diagnostic d = only();
    assertEquals(DiagnosticCode.AL001, d.code());
    assertTrue(
        d.hints().stream().anyMatch(h -> h.endsWith(" at templates.yml:1:4")),
        d.hints().toString());
  }

  @Test
  void loaderCanBeSharedBetweenThreads() throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 8; t++) {
      int n = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  Diagnostics mine = new Diagnostics();
                  List<YamlValue> docs =
                      loader.load(
                          "t" + n + ".yml",
                          ("n: " + n + "\n").getBytes(StandardCharsets.UTF_8),
                          mine);
                  assertEquals((long) n, ((YamlMapping) docs.get(0)).get("n").get().toPlain());
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(List.of(), failures);
  }
}
