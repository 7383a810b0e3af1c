package dev.shiprun.model.graph.layout;

import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.Edge;
import dev.shiprun.model.graph.EdgeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays an assembly line out left to right (layered, Sugiyama style): resources and jobs as boxes,
 * every edge of {@link AssemblyLine#edges()} as a polyline. The same line gives the same layout, to
 * the pixel.
 */
public final class LineLayout {

  /** Text metrics the boxes are sized by: pixels per character and padding on each side. */
  static final int CHAR_WIDTH = 7;

  static final int PADDING = 12;
  static final int MIN_WIDTH = 120;
  static final int MAX_WIDTH = 260;

  /** Room a job's detail keeps for its build number ({@code " · #1234"}). */
  private static final int BUILD_NUMBER_CHARS = 8;

  /** Vertical distance between edges that leave or enter one side of a box. */
  private static final int PORT_STEP = 8;

  private LineLayout() {}

  public static Layout of(AssemblyLine line) {
    List<String> names = new ArrayList<>();
    List<NodeKind> kinds = new ArrayList<>();
    List<String> types = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>(); // lookups only: never iterated
    for (Resource r : line.resources()) {
      add(names, kinds, types, index, r.name(), NodeKind.RESOURCE, r.type());
    }
    for (Job j : line.jobs()) {
      add(names, kinds, types, index, j.name(), NodeKind.JOB, j.type());
    }
    List<Edge> edges = line.edges();
    int[] from = new int[edges.size()];
    int[] to = new int[edges.size()];
    for (int e = 0; e < edges.size(); e++) {
      Edge edge = edges.get(e);
      from[e] = add(names, kinds, types, index, edge.from(), NodeKind.EXTERNAL, "external");
      to[e] = add(names, kinds, types, index, edge.to(), NodeKind.EXTERNAL, "external");
    }
    int real = names.size();
    int[] boxWidth = new int[real];
    int[] chars = new int[real];
    for (int v = 0; v < real; v++) {
      int detail = types.get(v).length() + (kinds.get(v) == NodeKind.JOB ? BUILD_NUMBER_CHARS : 0);
      int wanted = Math.max(length(names.get(v)), detail);
      boxWidth[v] = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, 2 * PADDING + CHAR_WIDTH * wanted));
      chars[v] = (boxWidth[v] - 2 * PADDING) / CHAR_WIDTH;
    }

    LayeredGraph graph = LayeredGraph.of(real, from, to, writesWhatItReads(edges));
    Ordering ordering = Ordering.of(graph);
    Placement place = Placement.of(graph, ordering, boxWidth);

    int[] boxX = new int[real];
    List<PlacedNode> nodes = new ArrayList<>(real);
    for (int v = 0; v < real; v++) {
      boxX[v] = place.boxX(v, boxWidth[v]);
      nodes.add(
          new PlacedNode(
              names.get(v),
              kinds.get(v),
              types.get(v),
              Labels.fit(names.get(v), chars[v]),
              boxX[v],
              (int) place.center[v] - Placement.NODE_HEIGHT / 2,
              boxWidth[v],
              Placement.NODE_HEIGHT,
              chars[v]));
    }
    int[][] ports = ports(graph, place);
    List<RoutedEdge> routed = new ArrayList<>(edges.size());
    for (int e = 0; e < edges.size(); e++) {
      Edge edge = edges.get(e);
      routed.add(
          new RoutedEdge(
              edge.from(),
              edge.to(),
              edge.kind(),
              edge.switchOn(),
              edge.triggers(),
              graph.reversed[e],
              route(graph, place, boxX, boxWidth, ports, e)));
    }
    return new Layout(place.width, place.height, nodes, routed);
  }

  /**
   * The OUT edges of jobs that also read what they write (a state resource): turned round, so the
   * resource stands left of its job, as an input does.
   */
  private static boolean[] writesWhatItReads(List<Edge> edges) {
    Set<List<String>> reads = new HashSet<>(); // lookups only: never iterated
    for (Edge e : edges) {
      if (e.kind() == EdgeKind.IN) {
        reads.add(List.of(e.from(), e.to()));
      }
    }
    boolean[] turned = new boolean[edges.size()];
    for (int e = 0; e < edges.size(); e++) {
      Edge edge = edges.get(e);
      turned[e] = edge.kind() == EdgeKind.OUT && reads.contains(List.of(edge.to(), edge.from()));
    }
    return turned;
  }

  private static int add(
      List<String> names,
      List<NodeKind> kinds,
      List<String> types,
      Map<String, Integer> index,
      String name,
      NodeKind kind,
      String type) {
    Integer known = index.get(name);
    if (known != null) {
      return known;
    }
    index.put(name, names.size());
    names.add(name);
    kinds.add(kind);
    types.add(type);
    return names.size() - 1;
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** The points of edge {@code e}: out of a box's right side, through the columns it crosses. */
  private static List<Point> route(
      LayeredGraph g, Placement place, int[] boxX, int[] boxWidth, int[][] ports, int e) {
    int[] path = g.paths[e];
    List<Point> points = new ArrayList<>(2 * path.length);
    int first = path[0];
    int last = path[path.length - 1];
    int firstY = (int) place.center[first];
    int lastY = (int) place.center[last];
    if (path.length == 1) {
      // A node that reads itself: a loop over its box.
      int top = firstY - Placement.NODE_HEIGHT / 2 - PORT_STEP * 2;
      points.add(new Point(boxX[first] + boxWidth[first], firstY));
      points.add(new Point(boxX[first] + boxWidth[first], top));
      points.add(new Point(boxX[first], top));
      points.add(new Point(boxX[first], firstY));
      return points;
    }
    points.add(new Point(boxX[first] + boxWidth[first], firstY + ports[0][e]));
    for (int k = 1; k + 1 < path.length; k++) {
      int v = path[k];
      int l = g.layer[v];
      int y = (int) place.center[v];
      points.add(new Point(place.columnX[l], y));
      points.add(new Point(place.columnX[l] + place.columnWidth[l], y));
    }
    points.add(new Point(boxX[last], lastY + ports[1][e]));
    if (g.reversed[e]) {
      Collections.reverse(points);
    }
    return points;
  }

  /**
   * Where each edge leaves ({@code [0][e]}) and enters ({@code [1][e]}) its box, as an offset from
   * the box's middle: the edges of one side spread out in the order of where they go, so they do
   * not cross at the box.
   */
  private static int[][] ports(LayeredGraph g, Placement place) {
    int edges = g.paths.length;
    int[][] ports = new int[2][edges];
    for (int side = 0; side < 2; side++) {
      int[] count = new int[g.real + 1];
      for (int e = 0; e < edges; e++) {
        int[] path = g.paths[e];
        if (path.length > 1) {
          count[(side == 0 ? path[0] : path[path.length - 1]) + 1]++;
        }
      }
      for (int v = 0; v < g.real; v++) {
        count[v + 1] += count[v];
      }
      long[] keys = new long[count[g.real]];
      int[] fill = Arrays.copyOf(count, g.real);
      for (int e = 0; e < edges; e++) {
        int[] path = g.paths[e];
        if (path.length > 1) {
          int end = side == 0 ? path[0] : path[path.length - 1];
          int toward = side == 0 ? path[1] : path[path.length - 2];
          keys[fill[end]++] = ((long) place.center[toward] << 32) | e;
        }
      }
      for (int v = 0; v < g.real; v++) {
        int from = count[v];
        int n = count[v + 1] - from;
        if (n < 2) {
          continue;
        }
        Arrays.sort(keys, from, from + n);
        double step = Math.min(PORT_STEP, (Placement.NODE_HEIGHT * 0.6) / (n - 1));
        for (int k = 0; k < n; k++) {
          ports[side][(int) keys[from + k]] = (int) Math.round((k - (n - 1) / 2.0) * step);
        }
      }
    }
    return ports;
  }
}
