package dev.shiprun.runner.cli.graph;

import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.Edge;

/** Graphviz: jobs as boxes, resources as ellipses, switch: off inputs dashed. */
final class DotGraph {

  private DotGraph() {}

  static String render(AssemblyLine line) {
    StringBuilder out = new StringBuilder("digraph assembly_line {\n  rankdir=LR;\n");
    for (Resource r : line.resources()) {
      out.append("  ")
          .append(id(r.name()))
          .append(" [shape=ellipse, label=")
          .append(id(r.name() + "\n" + r.type()))
          .append("];\n");
    }
    for (Job j : line.jobs()) {
      out.append("  ")
          .append(id(j.name()))
          .append(" [shape=box, style=bold, label=")
          .append(id(j.name() + "\n" + j.type()))
          .append("];\n");
    }
    for (Edge e : line.edges()) {
      out.append("  ").append(id(e.from())).append(" -> ").append(id(e.to()));
      if (!e.switchOn()) {
        out.append(" [style=dashed, label=\"switch: off\"]");
      } else if (!e.triggers()) {
        out.append(" [style=dotted]");
      }
      out.append(";\n");
    }
    return out.append("}\n").toString();
  }

  private static String id(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
