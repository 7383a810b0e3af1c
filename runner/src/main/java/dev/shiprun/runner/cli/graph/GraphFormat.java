package dev.shiprun.runner.cli.graph;

import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.layout.LineLayout;
import dev.shiprun.runner.picture.LinePicture;
import dev.shiprun.runner.picture.PictureState;

/** The shapes {@code shiprun graph} prints an assembly line in. */
public enum GraphFormat {
  TEXT((line, name, state) -> TextGraph.render(line)),
  DOT((line, name, state) -> DotGraph.render(line)),
  MERMAID((line, name, state) -> MermaidGraph.render(line)),
  JSON((line, name, state) -> JsonGraph.render(line)),
  SVG((line, name, state) -> LinePicture.svg(name, LineLayout.of(line), state));

  /** Draws a line; only the picture shows its name and the state of its runs. */
  @FunctionalInterface
  private interface Renderer {
    String render(AssemblyLine line, String name, PictureState state);
  }

  private final Renderer renderer;

  GraphFormat(Renderer renderer) {
    this.renderer = renderer;
  }

  /** {@code line}, called {@code name}, with {@code state} (which only the picture shows). */
  public String render(AssemblyLine line, String name, PictureState state) {
    return renderer.render(line, name, state);
  }

  /** Lower case, so help and completion show the words users type. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
