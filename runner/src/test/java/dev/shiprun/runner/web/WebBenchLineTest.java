package dev.shiprun.runner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.validate.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line of the web page's figures (bench/web.sh) is valid, of the size asked, and stable. */
class WebBenchLineTest {

  @Test
  void theLineOf500JobsAnd500ResourcesValidatesWithoutAnyDiagnostic() {
    WebBenchLine line = WebBenchLine.ofJobs(500);
    Validation validation =
        new AssemblyLineLoader()
            .load(
                List.of(
                    new PipelineFile(
                        "shippable.yml", line.yaml().getBytes(StandardCharsets.UTF_8))),
                new Diagnostics());
    assertEquals(List.of(), validation.diagnostics());
    AssemblyLine graph = validation.valid().orElseThrow().line();
    assertEquals(500, graph.jobs().size());
    assertEquals(500, graph.resources().size());
    assertTrue(
        line.yaml().contains("switch: off"), "some INs are switched off, drawn dashed on the page");
    assertEquals(
        List.of(),
        graph.triggeredBy(graph.job(WebBenchLine.leafJob(7)).orElseThrow()),
        "a run of the leaf job changes one node only");
  }

  @Test
  void theSameSizeGivesTheSameText() {
    assertEquals(WebBenchLine.ofJobs(500).yaml(), new WebBenchLine(50).yaml());
  }
}
