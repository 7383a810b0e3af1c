package dev.shiprun.runner.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.layout.LineLayout;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.parse.PipelineFile;
import dev.shiprun.model.validate.Validation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LinePictureTest {

  private static final String SVG = PictureXml.SVG;

  /** Names with every character XML cares about; a state resource; a switched-off input. */
  private static final String LINE =
      """
      resources:
        - {name: "a&b<c>", type: params, versionTemplate: {params: {A: "1"}}}
        - {name: cache, type: state}
        - {name: "img\\"q'", type: image, versionTemplate: {sourceName: example/app, versionName: latest}}
      jobs:
        - name: build
          type: runSh
          steps:
            - IN: "a&b<c>"
            - IN: cache
            - TASK: {script: [echo build]}
            - OUT: cache
            - OUT: "img\\"q'"
        - name: "deploy&<go>"
          type: runSh
          steps:
            - IN: "img\\"q'"
            - IN: "a&b<c>"
              switch: off
            - TASK: {script: [echo deploy]}
      """;

  private static AssemblyLine line() {
    Validation v =
        new AssemblyLineLoader()
            .load(
                List.of(new PipelineFile("shippable.yml", LINE.getBytes(StandardCharsets.UTF_8))),
                new Diagnostics());
    return v.valid().orElseThrow(() -> new AssertionError(v.summary())).line();
  }

  private static String svg(PictureState state) {
    return LinePicture.svg("my <line>", LineLayout.of(line()), state);
  }

  @Test
  void theRootSaysWhatThePictureShows() throws Exception {
    Element root = PictureXml.parse(svg(PictureState.NONE));

    assertEquals(SVG, root.getNamespaceURI());
    assertEquals("svg", root.getLocalName());
    assertEquals("shiprun-line", root.getAttribute("class"));
    assertEquals("img", root.getAttribute("role"));
    assertEquals("assembly line my <line>: 2 jobs, 3 resources", root.getAttribute("aria-label"));
    String[] box = root.getAttribute("viewBox").split(" ");
    assertEquals("0", box[0]);
    assertEquals(root.getAttribute("width"), box[2]);
    assertEquals(root.getAttribute("height"), box[3]);
    assertEquals(1, root.getElementsByTagNameNS(SVG, "style").getLength());
    assertEquals(1, root.getElementsByTagNameNS(SVG, "marker").getLength());
  }

  @Test
  void oddNamesAreEscapedAndReadBackAsTheyAre() throws Exception {
    String svg = svg(PictureState.NONE);
    Element doc = PictureXml.parse(svg);

    assertEquals(
        List.of("a&b<c>", "cache", "img\"q'", "build", "deploy&<go>"),
        PictureXml.nodes(doc).stream().map(g -> g.getAttribute("data-name")).toList());
    assertEquals("deploy&<go>", PictureXml.text(PictureXml.node(doc, "deploy&<go>"), "name"));
    assertTrue(svg.contains("data-name=\"img&quot;q&#39;\""), svg);
    assertTrue(!svg.contains("<go>"), "a raw name in the text");
  }

  @Test
  void everyEdgeIsAPathWithItsKindAndEnds() throws Exception {
    Element doc = PictureXml.parse(svg(PictureState.NONE));
    NodeList paths = doc.getElementsByTagNameNS(SVG, "path");
    List<String> edges = new ArrayList<>();
    for (int i = 0; i < paths.getLength(); i++) {
      Element p = (Element) paths.item(i);
      if (p.getAttribute("class").startsWith("edge")) {
        assertTrue(p.getAttribute("d").startsWith("M"), p.getAttribute("d"));
        edges.add(
            p.getAttribute("class")
                + " "
                + p.getAttribute("data-from")
                + " → "
                + p.getAttribute("data-to"));
      }
    }
    assertEquals(
        List.of(
            "edge in a&b<c> → build",
            "edge in quiet cache → build",
            "edge out quiet build → cache",
            "edge out build → img\"q'",
            "edge in img\"q' → deploy&<go>",
            "edge in off a&b<c> → deploy&<go>"),
        edges);
  }

  @Test
  void withoutRunsEveryJobIsNoneAndResourcesShowTheirType() throws Exception {
    Element doc = PictureXml.parse(svg(PictureState.NONE));

    Element build = PictureXml.node(doc, "build");
    assertEquals("node job status-none", build.getAttribute("class"));
    assertEquals("job", build.getAttribute("data-kind"));
    assertEquals("runSh", build.getAttribute("data-type"));
    assertEquals("none", build.getAttribute("data-status"));
    assertEquals("runSh", PictureXml.text(build, "detail"));
    assertEquals(
        "build: job (runSh), never run",
        build.getElementsByTagNameNS(SVG, "title").item(0).getTextContent());
    Element cache = PictureXml.node(doc, "cache");
    assertEquals("node resource", cache.getAttribute("class"));
    assertEquals("state", PictureXml.text(cache, "detail"));
  }

  @Test
  void statusesAndVersionsAreApplied() throws Exception {
    PictureState state =
        new PictureState(
            Map.of(
                "build",
                new PictureState.LatestRun("processing", 12),
                "deploy&<go>",
                new PictureState.LatestRun("failure", 3)),
            Map.of("img\"q'", "1.4.2 & <rc>"));
    Element doc = PictureXml.parse(svg(state));

    Element build = PictureXml.node(doc, "build");
    assertEquals("node job status-processing", build.getAttribute("class"));
    assertEquals("processing", build.getAttribute("data-status"));
    assertEquals("runSh · #12", PictureXml.text(build, "detail"));
    assertEquals(
        "build: job (runSh), processing, build #12",
        build.getElementsByTagNameNS(SVG, "title").item(0).getTextContent());
    assertEquals("failure", PictureXml.node(doc, "deploy&<go>").getAttribute("data-status"));
    Element image = PictureXml.node(doc, "img\"q'");
    assertEquals("1.4.2 & <rc>", PictureXml.text(image, "version"));
    assertEquals("1.4.2 & <rc>", image.getAttribute("data-version"));
    assertTrue(
        image
            .getElementsByTagNameNS(SVG, "title")
            .item(0)
            .getTextContent()
            .endsWith("version 1.4.2 & <rc>"));
  }

  @Test
  void theSameLineAndStateGiveTheSameBytes() {
    PictureState state =
        new PictureState(
            Map.of("build", new PictureState.LatestRun("success", 1)), Map.of("cache", "x"));
    assertEquals(svg(state), svg(state));
  }

  @Test
  void everyStatusHasItsColoursAndTextStaysReadable() {
    String css = PictureStyle.css();
    for (StatusColours c : StatusColours.JOBS) {
      assertTrue(css.contains(".status-" + c.name() + " rect{fill:" + c.fill()), c.name());
      assertTrue(StatusColours.contrast(c.text(), c.fill()) >= 4.5, c.name() + " text");
    }
    for (StatusColours c : List.of(StatusColours.RESOURCE, StatusColours.EXTERNAL)) {
      assertTrue(StatusColours.contrast(c.text(), c.fill()) >= 4.5, c.name() + " text");
    }
    assertTrue(css.contains("@keyframes shiprun-pulse"), css);
    assertTrue(css.contains(".status-processing rect{animation:"), css);
    assertTrue(css.contains(".edge.off{stroke-dasharray"), css);
    assertTrue(css.contains(".edge.quiet{stroke-dasharray"), css);
  }

  @Test
  void contrastIsMeasuredAsWcagDoes() {
    assertEquals(21.0, StatusColours.contrast("#000000", "#ffffff"), 0.01);
    assertEquals(4.54, StatusColours.contrast("#767676", "#ffffff"), 0.01);
  }
}
