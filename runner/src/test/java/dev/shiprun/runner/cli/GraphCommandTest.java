package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    LaunchResult result = launcher.launch("graph", LINE, "-f", "svg");

    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertTrue(
        result.getErrorOutput().contains("expected text, dot, mermaid or json, not 'svg'"),
        result.getErrorOutput());
  }
}
