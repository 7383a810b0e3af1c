package dev.shiprun.model.graph.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.Pipelines;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.ExternalNames;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.validate.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LineLayoutTest {

  /** build reads a state resource and writes it: a cycle the layout must break. */
  private static final String STATEFUL =
      """
      resources:
        - {name: src, type: params, versionTemplate: {params: {A: "1"}}}
        - {name: cache, type: state}
        - {name: app-image, type: image, versionTemplate: {sourceName: example/app, versionName: latest}}
      jobs:
        - name: build
          type: runSh
          steps:
            - IN: src
            - IN: cache
            - TASK: {script: [echo build]}
            - OUT: cache
            - OUT: app-image
        - name: deploy
          type: runSh
          steps:
            - IN: app-image
            - IN: src
              switch: off
            - TASK: {script: [echo deploy]}
      """;

  private static AssemblyLine line(String yaml) {
    Validation v = Pipelines.loadValid(yaml);
    return v.valid().orElseThrow().line();
  }

  @Test
  void everyNodeOfTheLineHasABoxAndEveryEdgeAPath() {
    AssemblyLine line = line(STATEFUL);
    Layout layout = LineLayout.of(line);

    assertEquals(
        List.of("src", "cache", "app-image", "build", "deploy"),
        layout.nodes().stream().map(PlacedNode::name).toList());
    assertEquals(line.edges().size(), layout.edges().size());
    assertEquals(NodeKind.RESOURCE, layout.nodes().get(0).kind());
    assertEquals(NodeKind.JOB, layout.nodes().get(3).kind());
    assertEquals("runSh", layout.nodes().get(3).type());
  }

  @Test
  void theStateCycleIsBrokenAtTheOutEdgeAndEverythingElseRunsLeftToRight() {
    Layout layout = LineLayout.of(line(STATEFUL));

    List<RoutedEdge> reversed = layout.edges().stream().filter(RoutedEdge::reversed).toList();
    assertEquals(1, reversed.size(), layout.edges().toString());
    assertEquals("build", reversed.get(0).from());
    assertEquals("cache", reversed.get(0).to());
    assertEdgesRunLeftToRight(layout);
    Map<String, PlacedNode> at = byName(layout);
    assertTrue(at.get("src").x() < at.get("build").x());
    assertTrue(at.get("build").x() < at.get("app-image").x());
    assertTrue(at.get("app-image").x() < at.get("deploy").x());
  }

  @Test
  void edgesStartAndEndOnTheirBoxes() {
    Layout layout = LineLayout.of(line(STATEFUL));
    Map<String, PlacedNode> at = byName(layout);
    for (RoutedEdge e : layout.edges()) {
      PlacedNode from = at.get(e.from());
      PlacedNode to = at.get(e.to());
      Point first = e.points().get(0);
      Point last = e.points().get(e.points().size() - 1);
      int fromSide = e.reversed() ? from.x() : from.x() + from.width();
      int toSide = e.reversed() ? to.x() + to.width() : to.x();
      assertEquals(fromSide, first.x(), e.toString());
      assertEquals(toSide, last.x(), e.toString());
      assertTrue(first.y() > from.y() && first.y() < from.y() + from.height(), e.toString());
      assertTrue(last.y() > to.y() && last.y() < to.y() + to.height(), e.toString());
    }
  }

  @Test
  void aNameAnotherRepositoryDefinesIsANodeOfItsOwnKind() {
    Validation v =
        Pipelines.load(
            """
            jobs:
              - name: deploy
                type: runSh
                steps:
                  - IN: shared-image
                  - TASK: {script: [echo deploy]}
            """);
    ExternalNames external =
        new ExternalNames(
            List.of(
                new ExternalNames.External(
                    "shared-image",
                    "--external",
                    new SourceLocation("<command line>", 1, 1),
                    Optional.empty())));

    Layout layout = LineLayout.of(new AssemblyLine(v.pipeline(), external));

    Map<String, PlacedNode> at = byName(layout);
    assertEquals(NodeKind.EXTERNAL, at.get("shared-image").kind());
    assertTrue(at.get("shared-image").x() < at.get("deploy").x());
    assertNoOverlaps(layout);
  }

  @Test
  void longNamesAreCutWithAnEllipsisAndTheBoxIsCapped() {
    String name = "a-really-long-job-name-that-goes-on-and-on-and-on-forever";
    Layout layout =
        LineLayout.of(
            line(
                """
                jobs:
                  - name: %s
                    type: runSh
                    steps:
                      - TASK: {script: [echo hi]}
                """
                    .formatted(name)));

    PlacedNode node = layout.nodes().get(0);
    assertEquals(name, node.name());
    assertEquals(LineLayout.MAX_WIDTH, node.width());
    assertTrue(node.label().endsWith("…"), node.label());
    assertEquals(node.chars(), node.label().length());
    assertTrue(name.startsWith(node.label().substring(0, node.label().length() - 1)));
  }

  @Test
  void theSameLineGivesTheSameLayout() {
    String yaml = GeneratedLine.yaml(10, 10);
    assertEquals(LineLayout.of(line(yaml)), LineLayout.of(line(yaml)));
  }

  @Test
  void aLineOf500JobsAnd500ResourcesLaysOutWithoutOverlaps() {
    AssemblyLine line = line(GeneratedLine.yaml(50, 10));
    assertEquals(500, line.jobs().size());
    assertEquals(500, line.resources().size());
    assertTrue(line.edges().size() >= 1400, "edges: " + line.edges().size());

    Layout layout = LineLayout.of(line);

    assertEquals(1000, layout.nodes().size());
    assertNoOverlaps(layout);
    assertEdgesRunLeftToRight(layout);
    assertEquals(50, layout.edges().stream().filter(RoutedEdge::reversed).count(), "one per state");
  }

  @Test
  void sweepsLeaveFewerCrossingsThanTheFirstOrder() {
    LayeredGraph graph = graphOf(line(GeneratedLine.yaml(10, 10)));

    long first = Ordering.unswept(graph).crossings();
    long swept = Ordering.of(graph).crossings();

    assertTrue(swept < first, "crossings: " + first + " first, " + swept + " after the sweeps");
  }

  @Test
  void isotonicFitKeepsOrderAndPullsTowardsTargets() {
    double[] fitted = Placement.isotonic(new double[] {5, 1, 3, 10});
    assertEquals(List.of(3.0, 3.0, 3.0, 10.0), List.of(fitted[0], fitted[1], fitted[2], fitted[3]));
  }

  @Test
  void everySampleLaysOutWithoutOverlaps() throws IOException {
    List<Path> samples;
    try (Stream<Path> dirs = Files.list(Path.of("..", "samples"))) {
      samples =
          dirs.filter(d -> Files.exists(d.resolve("shippable.yml")) || Files.isDirectory(d))
              .sorted()
              .toList();
    }
    int laid = 0;
    for (Path dir : samples) {
      Validation v = new AssemblyLineLoader().load(List.of(dir));
      if (v.valid().isEmpty()) {
        continue; // samples that are not a line of their own (a plugin's sources)
      }
      Layout layout = LineLayout.of(v.valid().get().line());
      assertFalse(layout.nodes().isEmpty(), dir.toString());
      assertNoOverlaps(layout);
      assertEdgesRunLeftToRight(layout);
      laid++;
    }
    assertTrue(laid >= 5, "samples laid out: " + laid);
  }

  private static LayeredGraph graphOf(AssemblyLine line) {
    Map<String, Integer> index = new HashMap<>();
    List<String> names = new ArrayList<>();
    line.resources().forEach(r -> names.add(r.name()));
    line.jobs().forEach(j -> names.add(j.name()));
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    int[] from = line.edges().stream().mapToInt(e -> index.get(e.from())).toArray();
    int[] to = line.edges().stream().mapToInt(e -> index.get(e.to())).toArray();
    return LayeredGraph.of(names.size(), from, to, new boolean[from.length]);
  }

  private static Map<String, PlacedNode> byName(Layout layout) {
    Map<String, PlacedNode> out = new HashMap<>();
    layout.nodes().forEach(n -> out.put(n.name(), n));
    return out;
  }

  static void assertNoOverlaps(Layout layout) {
    List<PlacedNode> nodes = new ArrayList<>(layout.nodes());
    nodes.sort(java.util.Comparator.comparingInt(PlacedNode::x));
    for (int i = 0; i < nodes.size(); i++) {
      PlacedNode a = nodes.get(i);
      assertTrue(a.x() >= 0 && a.y() >= 0, a.toString());
      assertTrue(a.x() + a.width() <= layout.width(), a + " outside " + layout.width());
      assertTrue(a.y() + a.height() <= layout.height(), a + " outside " + layout.height());
      for (int k = i + 1; k < nodes.size() && nodes.get(k).x() < a.x() + a.width(); k++) {
        assertFalse(a.overlaps(nodes.get(k)), a + " overlaps " + nodes.get(k));
      }
    }
  }

  static void assertEdgesRunLeftToRight(Layout layout) {
    for (RoutedEdge e : layout.edges()) {
      List<Point> p = e.points();
      for (int k = 0; k + 1 < p.size(); k++) {
        boolean forward = p.get(k).x() <= p.get(k + 1).x();
        assertEquals(!e.reversed(), forward, e.from() + " → " + e.to() + " at point " + k);
      }
      assertTrue(p.get(0).x() != p.get(p.size() - 1).x(), e.toString());
    }
  }
}
