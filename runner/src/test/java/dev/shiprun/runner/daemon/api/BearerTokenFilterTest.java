package dev.shiprun.runner.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.daemon.Problem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenFilterTest {

  @Test
  void readsTheTokenOfABearerHeader() {
    assertEquals(Optional.of("abc"), BearerTokenFilter.presented("Bearer abc"));
    assertEquals(Optional.of("abc"), BearerTokenFilter.presented("bearer  abc "));
  }

  @Test
  void anyOtherHeaderCarriesNoToken() {
    assertEquals(Optional.empty(), BearerTokenFilter.presented(null));
    assertEquals(Optional.empty(), BearerTokenFilter.presented(""));
    assertEquals(Optional.empty(), BearerTokenFilter.presented("Bearer "));
    assertEquals(Optional.empty(), BearerTokenFilter.presented("Bearer    "));
    assertEquals(Optional.empty(), BearerTokenFilter.presented("Basic YWxpY2U6c2VjcmV0"));
    assertEquals(Optional.empty(), BearerTokenFilter.presented("Bearerabc"));
  }

  @Test
  void onlyTheHealthChecksAndWebhookDeliveriesAreOpen() {
    assertTrue(BearerTokenFilter.isOpen("POST", "/api/webhooks/github/app"));
    assertFalse(BearerTokenFilter.isOpen("GET", "/api/webhooks/github/app"));
    assertFalse(BearerTokenFilter.isOpen("POST", "/api/webhooks/github"));
    assertFalse(BearerTokenFilter.isOpen("POST", "/api/webhooks/github/app/x"));
    assertFalse(BearerTokenFilter.isOpen("POST", "/api/lines/app"));
    assertTrue(BearerTokenFilter.isOpen("GET", "/q/health"));
    assertTrue(BearerTokenFilter.isOpen("GET", "/q/health/live"));
    assertTrue(BearerTokenFilter.isOpen("GET", "/q/health/ready"));
    assertFalse(BearerTokenFilter.isOpen("GET", "/q/healthz"));
    assertFalse(BearerTokenFilter.isOpen("GET", "/api/version"));
    assertFalse(BearerTokenFilter.isOpen("GET", "/q/metrics"));
    assertFalse(BearerTokenFilter.isOpen("GET", "/"));
  }

  @Test
  void theProblemBodyIsJsonWithTypeTitleAndDetail() {
    Problem problem = Problem.of("x", "Title \"quoted\"", 418, "a\\b");
    assertEquals(
        "{\"type\":\"urn:shiprun:problem:x\",\"title\":\"Title \\\"quoted\\\"\",\"status\":418,"
            + "\"detail\":\"a\\\\b\"}",
        problem.toJson());
  }

  /**
   * The body the filter writes by hand is what Jackson writes for the record the endpoints return.
   */
  @Test
  void theProblemBodyIsWhatJacksonWritesForTheRecord() throws Exception {
    ObjectMapper jackson = new ObjectMapper();
    List<Problem> problems =
        List.of(
            Problem.unauthorized(),
            Problem.starting(),
            Problem.internal(),
            Problem.of("x", "tab\tquote\" back\\slash", 400, "line\nbreak \u0001 é \u2028 </b>"));
    for (Problem problem : problems) {
      assertEquals(jackson.writeValueAsString(problem), problem.toJson(), problem.title());
    }
  }
}
