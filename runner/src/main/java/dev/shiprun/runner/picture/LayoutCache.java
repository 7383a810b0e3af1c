package dev.shiprun.runner.picture;

import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.Edge;
import dev.shiprun.model.graph.layout.Layout;
import dev.shiprun.model.graph.layout.LineLayout;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The layout of each line, kept while the line's shape stays the same. The key is everything the
 * layout reads (names and types of resources and jobs, the edges), so a line read again from its
 * folder on every request is laid out again only when its files changed what the picture shows. One
 * entry per line name; thread-safe.
 */
public final class LayoutCache {

  /** What {@link LineLayout} reads of a line. */
  private record Shape(List<List<String>> resources, List<List<String>> jobs, List<Edge> edges) {

    static Shape of(AssemblyLine line) {
      return new Shape(
          line.resources().stream().map(r -> List.of(r.name(), r.type())).toList(),
          line.jobs().stream().map(j -> List.of(j.name(), j.type())).toList(),
          List.copyOf(line.edges()));
    }
  }

  private record Entry(Shape shape, Layout layout) {}

  private final Map<String, Entry> byLine = new ConcurrentHashMap<>();

  /** The layout of {@code line}, called {@code name}: the kept one when its shape is the same. */
  public Layout layout(String name, AssemblyLine line) {
    Shape shape = Shape.of(line);
    Entry kept = byLine.get(name);
    if (kept != null && kept.shape().equals(shape)) {
      return kept.layout();
    }
    Layout layout = LineLayout.of(line);
    byLine.put(name, new Entry(shape, layout));
    return layout;
  }
}
