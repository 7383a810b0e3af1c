package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.picture.PictureXml;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

@QuarkusMainTest
class GraphCommandTest {

  private static final String LINE = "src/test/resources/fixtures/plan";

  @Test
  void textListsJobsInOrderWithWhatTheyReadWriteAndTrigger(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("graph", LINE);

    assertEquals(ExitCode.OK.code(), result.exitCode(), result.getErrorOutput());
    String out = result.getOutput();
    assertTrue(out.startsWith("jobs (in order):\n  build (runSh)\n    IN  my-img (image)\n"), out);
    assertTrue(out.contains("    OUT app-out (image)\n    triggers deploy\n"), out);
    assertTrue(out.contains("  my-img (image) triggers build\n"), out);
  }

  @Test
  void dotDrawsJobsAsBoxesAndResourcesAsEllipses(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("graph", LINE, "--format", "dot");

    assertEquals(ExitCode.OK.code(), result.exitCode());
    String out = result.getOutput();
    assertTrue(out.startsWith("digraph assembly_line {"), out);
    assertTrue(out.contains("\"build\" [shape=box"), out);
    assertTrue(out.contains("\"my-img\" [shape=ellipse"), out);
    assertTrue(out.contains("\"build\" -> \"app-out\";"), out);
  }

  @Test
  void mermaidIsAFlowchart(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("graph", LINE, "-f", "mermaid");

    assertEquals(ExitCode.OK.code(), result.exitCode());
    assertTrue(result.getOutput().startsWith("flowchart LR\n"), result.getOutput());
    assertTrue(result.getOutput().contains(" --> "), result.getOutput());
  }

  @Test
  void jsonHasNodesEdgesAndOrder(QuarkusMainLauncher launcher) throws Exception {
    LaunchResult result = launcher.launch("graph", LINE, "-f", "json");

    assertEquals(ExitCode.OK.code(), result.exitCode());
    JsonNode json = new ObjectMapper().readTree(result.getOutput());
    assertEquals(4, json.get("nodes").size());
    List<String> order = new ArrayList<>();
    json.get("order").forEach(n -> order.add(n.asText()));
    assertEquals(List.of("build", "deploy"), order);
    JsonNode first = json.get("edges").get(0);
    assertEquals("my-img", first.get("from").asText());
    assertEquals("build", first.get("to").asText());
    assertEquals("IN", first.get("kind").asText());
  }

  @Test
  void switchOffEdgesAreMarked(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("graph", "../samples/docker-registry", "-f", "dot");

    assertEquals(ExitCode.OK.code(), result.exitCode(), result.getErrorOutput());
    assertTrue(
        result.getOutput().contains("[style=dashed, label=\"switch: off\"]"), result.getOutput());
  }

  @Test
  void invalidLineExitsOneWithDiagnostics(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("graph", "src/test/resources/fixtures/invalid");

    assertEquals(ExitCode.FAILED.code(), result.exitCode());
    assertTrue(result.getErrorOutput().contains("error[AL107]"), result.getErrorOutput());
    assertEquals("", result.getOutput());
  }

  @Test
  void unknownFormatIsAUsageError(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("graph", LINE, "-f", "png");

    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertTrue(
        result.getErrorOutput().contains("expected text, dot, mermaid, json or svg, not 'png'"),
        result.getErrorOutput());
  }

  @Test
  void svgDrawsEveryJobAndResourceWithoutStatusWhenNoHomeIsGiven(QuarkusMainLauncher launcher)
      throws Exception {
    LaunchResult result = launcher.launch("graph", LINE, "--format", "svg");

    assertEquals(ExitCode.OK.code(), result.exitCode(), result.getErrorOutput());
    Element svg = PictureXml.parse(result.getOutput());
    assertEquals("shiprun-line", svg.getAttribute("class"));
    assertEquals("assembly line plan: 2 jobs, 2 resources", svg.getAttribute("aria-label"));
    Map<String, String> statuses = PictureXml.statuses(svg);
    assertEquals(Map.of("build", "none", "deploy", "none"), statuses);
  }

  @Test
  void outputFileTakesTheGraphInsteadOfStandardOutput(
      QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
    Path svg = dir.resolve("line.svg");
    Path dot = dir.resolve("line.dot");

    LaunchResult picture = launcher.launch("graph", LINE, "-f", "svg", "-o", svg.toString());
    LaunchResult graph =
        launcher.launch("graph", LINE, "-f", "dot", "--output-file", dot.toString());

    assertEquals(ExitCode.OK.code(), picture.exitCode(), picture.getErrorOutput());
    assertEquals("", picture.getOutput());
    // The launcher gives standard output without its last line break.
    assertEquals(
        launcher.launch("graph", LINE, "-f", "svg").getOutput() + "\n", Files.readString(svg));
    assertEquals(ExitCode.OK.code(), graph.exitCode(), graph.getErrorOutput());
    assertTrue(Files.readString(dot).startsWith("digraph assembly_line {"));
  }

  @Test
  void aFormatGivenToOIsAUsageErrorThatNamesF(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("graph", LINE, "-o", "json");

    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertEquals("", result.getOutput());
    assertTrue(
        result
            .getErrorOutput()
            .contains(
                "-o names the FILE to write, and 'json' is a format's name; give the format with"
                    + " -f (graph -f json)"),
        result.getErrorOutput());
    assertFalse(Files.exists(Path.of("json")));
  }

  @Test
  void anOutputFileThatCannotBeWrittenIsOneLineWithTheFix(
      QuarkusMainLauncher launcher, @TempDir Path dir) {
    Path file = dir.resolve("no-such-folder").resolve("line.svg");

    LaunchResult result =
        launcher.launch("graph", LINE, "-f", "svg", "--output-file", file.toString());

    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertEquals("", result.getOutput());
    assertEquals(
        List.of(
            "shiprun graph: cannot write -o "
                + file
                + " (its folder does not exist); give a file in a folder you can write to"),
        result.getErrorOutput().lines().toList());
  }

  @Test
  void aHomeWithRunsColoursEachJobByItsLatestRun(QuarkusMainLauncher launcher, @TempDir Path home)
      throws Exception {
    RunHarness shiprun = new RunHarness(launcher, home);
    for (int run = 1; run <= 2; run++) {
      RunHarness.Summary summary = shiprun.run(PARAMS_STATE);
      assertEquals(0, summary.exitCode(), summary.describe());
    }

    LaunchResult result =
        launcher.launch("graph", PARAMS_STATE, "-f", "svg", "--home", home.toString());

    assertEquals(ExitCode.OK.code(), result.exitCode(), result.getErrorOutput());
    Element svg = PictureXml.parse(result.getOutput());
    assertEquals(Map.of("count-runs", "success"), PictureXml.statuses(svg));
    Element job = PictureXml.node(svg, "count-runs");
    assertEquals("node job status-success", job.getAttribute("class"));
    assertTrue(job.getTextContent().contains("runSh · #2"), job.getTextContent());
    // Another name in the store: no runs of it.
    LaunchResult other =
        launcher.launch(
            "graph", PARAMS_STATE, "-f", "svg", "--home", home.toString(), "--line", "other");
    assertEquals(
        Map.of("count-runs", "none"), PictureXml.statuses(PictureXml.parse(other.getOutput())));
  }

  @Test
  void aHomeWithoutAStoreDrawsNoStatusAndSaysWhy(QuarkusMainLauncher launcher, @TempDir Path home)
      throws Exception {
    LaunchResult result = launcher.launch("graph", LINE, "-f", "svg", "--home", home.toString());

    assertEquals(ExitCode.OK.code(), result.exitCode(), result.getErrorOutput());
    assertEquals(
        Map.of("build", "none", "deploy", "none"),
        PictureXml.statuses(PictureXml.parse(result.getOutput())));
    assertTrue(result.getErrorOutput().contains("no runs yet in " + home), result.getErrorOutput());
    assertFalse(Files.exists(home.resolve("store")), "a store was made");
  }

  private static final String PARAMS_STATE = "../samples/params-state";
}
