package dev.shiprun.model.graph.layout;

import java.util.List;
import java.util.Objects;

/**
 * Where every node of an assembly line sits and how every edge runs, left to right, in pixels: what
 * {@code shiprun graph --format svg} and the daemon's picture draw.
 *
 * @param nodes resources, then jobs, then names another repository defines, in the line's order
 * @param edges in the order of {@code AssemblyLine.edges()}
 */
public record Layout(int width, int height, List<PlacedNode> nodes, List<RoutedEdge> edges) {

  public Layout {
    nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
    edges = List.copyOf(Objects.requireNonNull(edges, "edges"));
  }
}
