package dev.shiprun.model.graph.layout;

import dev.shiprun.model.graph.EdgeKind;
import java.util.List;
import java.util.Objects;

/**
 * An edge and the polyline it runs along, from {@code from} to {@code to}: it leaves a box on its
 * right side and enters one on its left, passing the layers between through their gaps.
 *
 * @param reversed drawn right to left: the edge closes a cycle (a state resource that is IN and OUT
 *     of one job), which a left-to-right picture cannot draw forwards
 * @param points at least two: the first on {@code from}'s box, the last on {@code to}'s
 */
public record RoutedEdge(
    String from,
    String to,
    EdgeKind kind,
    boolean switchOn,
    boolean triggers,
    boolean reversed,
    List<Point> points) {

  public RoutedEdge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    points = List.copyOf(points);
    if (points.size() < 2) {
      throw new IllegalArgumentException("an edge needs at least two points: " + from + " → " + to);
    }
  }
}
