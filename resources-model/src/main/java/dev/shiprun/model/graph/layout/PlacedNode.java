package dev.shiprun.model.graph.layout;

import java.util.Objects;

/**
 * A node and its box: {@code (x, y)} is the top left corner.
 *
 * @param label the name as shown, shortened with an ellipsis when longer than a box holds
 * @param chars how many characters of text the box holds on a line (for a detail added later)
 */
public record PlacedNode(
    String name,
    NodeKind kind,
    String type,
    String label,
    int x,
    int y,
    int width,
    int height,
    int chars) {

  public PlacedNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(label, "label");
  }

  /** Whether this box and {@code other} share any area. */
  public boolean overlaps(PlacedNode other) {
    return x < other.x + other.width
        && other.x < x + width
        && y < other.y + other.height
        && other.y < y + height;
  }
}
