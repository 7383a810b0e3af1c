package dev.shiprun.runner.cli.graph;

import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.Edge;
import java.util.HashMap;
import java.util.Map;

/** A Mermaid flowchart: jobs as boxes, resources as rounded nodes, switch: off dotted. */
final class MermaidGraph {

  private MermaidGraph() {}

  static String render(AssemblyLine line) {
    // Mermaid ids allow few characters; number the nodes and show names as labels.
    Map<String, String> ids = new HashMap<>();
    StringBuilder out = new StringBuilder("flowchart LR\n");
    int n = 0;
    for (Resource r : line.resources()) {
      String id = "r" + n++;
      ids.putIfAbsent(r.name(), id);
      out.append("  ")
          .append(id)
          .append("([\"")
          .append(label(r.name()))
          .append("<br/><i>")
          .append(r.type())
          .append("</i>\"])\n");
    }
    for (Job j : line.jobs()) {
      String id = "j" + n++;
      ids.putIfAbsent(j.name(), id);
      out.append("  ")
          .append(id)
          .append("[\"")
          .append(label(j.name()))
          .append("<br/><i>")
          .append(j.type())
          .append("</i>\"]\n");
    }
    for (Edge e : line.edges()) {
      String from = ids.get(e.from());
      String to = ids.get(e.to());
      if (from == null || to == null) {
        continue;
      }
      out.append("  ")
          .append(from)
          .append(e.switchOn() ? " --> " : " -. switch off .-> ")
          .append(to)
          .append('\n');
    }
    return out.toString();
  }

  private static String label(String name) {
    return name.replace("\"", "#quot;");
  }
}
