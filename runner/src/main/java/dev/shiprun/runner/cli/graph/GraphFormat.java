package dev.shiprun.runner.cli.graph;

import dev.shiprun.model.graph.AssemblyLine;
import java.util.function.Function;

/** The shapes {@code shiprun graph} prints an assembly line in. */
public enum GraphFormat {
  TEXT(TextGraph::render),
  DOT(DotGraph::render),
  MERMAID(MermaidGraph::render),
  JSON(JsonGraph::render);

  private final Function<AssemblyLine, String> renderer;

  GraphFormat(Function<AssemblyLine, String> renderer) {
    this.renderer = renderer;
  }

  public String render(AssemblyLine line) {
    return renderer.apply(line);
  }

  /** Lower case, so help and completion show the words users type. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
