package dev.shiprun.runner.daemon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.daemon.ProblemException;

/**
 * A request body an endpoint reads itself (one that is optional, or may come without a content
 * type): a JSON error is the same 400 {@link BodyProblem} as everywhere, never quoting the body.
 */
final class JsonBodies {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonBodies() {}

  /** The body as {@code type}; null when it is empty. */
  static <T> T read(String text, Class<T> type) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return JSON.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new ProblemException(400, ProblemMappers.bodyProblem(e));
    }
  }
}
