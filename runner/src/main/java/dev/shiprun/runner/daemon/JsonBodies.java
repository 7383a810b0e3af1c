package dev.shiprun.runner.daemon;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Request bodies read by the endpoints themselves (a body is optional, or may come without a
 * content type): a JSON error becomes a 400 problem with its line and column, never the body.
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
      // Syntax first, then shape: each error says which it is.
      return JSON.treeToValue(JSON.readTree(text), type);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      // Jackson's own message may quote the body (a secret among the variables): not sent back.
      String what =
          e instanceof StreamReadException
              ? "is not valid JSON"
              : "does not have the shape this endpoint takes";
      throw ProblemException.badRequest(
          "the body " + what + where + "; send {\"variables\": {\"NAME\": \"value\"}} or nothing");
    }
  }
}
