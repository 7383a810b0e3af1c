package dev.shiprun.runner.cli.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.Edge;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The graph for machines: nodes with their positions, edges, and the job order. */
final class JsonGraph {

  private JsonGraph() {}

  static String render(AssemblyLine line) {
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (Resource r : line.resources()) {
      nodes.add(node(r.name(), "resource", r.type(), r.at().file(), r.at().line()));
    }
    for (Job j : line.jobs()) {
      nodes.add(node(j.name(), "job", j.type(), j.at().file(), j.at().line()));
    }
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
    Map<String, Object> graph = new LinkedHashMap<>();
    graph.put("nodes", nodes);
    graph.put("edges", edges);
    graph.put("order", line.topologicalOrder().stream().map(Job::name).toList());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(graph)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
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
