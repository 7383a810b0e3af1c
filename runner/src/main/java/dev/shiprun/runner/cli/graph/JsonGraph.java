package dev.shiprun.runner.cli.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.json.GraphJson;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The graph for machines: nodes with their positions, edges, and the job order. */
final class JsonGraph {

  private JsonGraph() {}

  static String render(AssemblyLine line) {
    Map<String, Object> graph = new LinkedHashMap<>();
    graph.put("nodes", GraphJson.nodes(line));
    graph.put("edges", GraphJson.edges(line));
    graph.put("order", GraphJson.order(line));
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(graph)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
