package dev.shiprun.runner.json;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.Edge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an assembly line's graph as JSON-ready maps, shared by {@code shiprun graph -f json}
 * and the daemon's {@code GET /api/lines/{name}}: nodes (with where they are defined), edges, the
 * job order. Maps keep their keys in insertion order, so both print fields the same way.
 */
public final class GraphJson {

  private GraphJson() {}

  /** Resources first, then jobs, as {@code shiprun graph -f json} lists them. */
  public static List<Map<String, Object>> nodes(AssemblyLine line) {
    List<Map<String, Object>> nodes = new ArrayList<>();
    line.resources().forEach(r -> nodes.add(resource(r)));
    line.jobs().forEach(j -> nodes.add(job(j)));
    return nodes;
  }

  public static Map<String, Object> resource(Resource r) {
    return node(r.name(), "resource", r.type(), r.at().file(), r.at().line());
  }

  public static Map<String, Object> job(Job j) {
    return node(j.name(), "job", j.type(), j.at().file(), j.at().line());
  }

  /** A job with what it reads and writes (its IN and OUT steps, in their order). */
  public static Map<String, Object> jobWithSteps(Job j) {
    Map<String, Object> node = job(j);
    node.put("ins", j.ins().stream().map(InStep::target).map(t -> t.name()).toList());
    node.put("outs", j.outs().stream().map(OutStep::target).map(t -> t.name()).toList());
    return node;
  }

  public static List<Map<String, Object>> edges(AssemblyLine line) {
    List<Map<String, Object>> edges = new ArrayList<>();
    for (Edge e : line.edges()) {
      Map<String, Object> edge = new LinkedHashMap<>();
      edge.put("from", e.from());
      edge.put("to", e.to());
      edge.put("kind", e.kind().name());
      edge.put("switchOn", e.switchOn());
      edge.put("triggers", e.triggers());
      edges.add(edge);
    }
    return edges;
  }

  /** Job names in an order where each job comes after the jobs it reads. */
  public static List<String> order(AssemblyLine line) {
    return line.topologicalOrder().stream().map(Job::name).toList();
  }

  private static Map<String, Object> node(
      String name, String kind, String type, String file, int line) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("name", name);
    node.put("kind", kind);
    node.put("type", type);
    node.put("file", file);
    node.put("line", line);
    return node;
  }
}
