package dev.shiprun.runner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's steps as the store keeps them: a JSON list of {@code {"name","kind","status","startedAt",
 * "durationMs"}}, the same shape the API shows.
 */
final class RunStepsJson {

  private RunStepsJson() {}

  static String write(ObjectMapper json, List<RunStep> steps) {
    ArrayNode list = json.createArrayNode();
    for (RunStep step : steps) {
      ObjectNode o = list.addObject();
      o.put("name", step.name());
      o.put("kind", step.kind().wire());
      o.put("status", step.status().wire());
      o.put("startedAt", step.startedAt().toString());
      o.put("durationMs", step.duration().toMillis());
    }
    return list.toString();
  }

  static List<RunStep> read(ObjectMapper json, String text) {
    try {
      List<RunStep> out = new ArrayList<>();
      for (JsonNode o : json.readTree(text)) {
        out.add(
            new RunStep(
                o.path("name").asText(),
                RunStep.Kind.fromWire(o.path("kind").asText()),
                RunStatus.fromWire(o.path("status").asText()),
                Instant.parse(o.path("startedAt").asText()),
                Duration.ofMillis(o.path("durationMs").asLong())));
      }
      return out;
    } catch (JsonProcessingException | RuntimeException e) {
      throw new StoreException("a stored run's steps are not the JSON shiprun writes", e);
    }
  }
}
