package dev.shiprun.runner.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.daemon.Problem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessFilterTest {

  @Test
  void readsTheTokenOfABearerHeader() {
    assertEquals(Optional.of("abc"), AccessFilter.presented("Bearer abc"));
    assertEquals(Optional.of("abc"), AccessFilter.presented("bearer  abc "));
  }

  @Test
  void anyOtherHeaderCarriesNoToken() {
    assertEquals(Optional.empty(), AccessFilter.presented(null));
    assertEquals(Optional.empty(), AccessFilter.presented(""));
    assertEquals(Optional.empty(), AccessFilter.presented("Bearer "));
    assertEquals(Optional.empty(), AccessFilter.presented("Bearer    "));
    assertEquals(Optional.empty(), AccessFilter.presented("Basic YWxpY2U6c2VjcmV0"));
    assertEquals(Optional.empty(), AccessFilter.presented("Bearerabc"));
  }

  @Test
  void onlyTheHealthChecksWebhookDeliveriesSignInAndThePageAreOpen() {
    assertTrue(AccessFilter.isOpen("POST", "/api/webhooks/github/app"));
    assertFalse(AccessFilter.isOpen("GET", "/api/webhooks/github/app"));
    assertFalse(AccessFilter.isOpen("POST", "/api/webhooks/github"));
    assertFalse(AccessFilter.isOpen("POST", "/api/webhooks/github/app/x"));
    assertFalse(AccessFilter.isOpen("POST", "/api/lines/app"));
    assertTrue(AccessFilter.isOpen("GET", "/q/health"));
    assertTrue(AccessFilter.isOpen("GET", "/q/health/live"));
    assertTrue(AccessFilter.isOpen("GET", "/q/health/ready"));
    assertFalse(AccessFilter.isOpen("GET", "/q/healthz"));
    assertFalse(AccessFilter.isOpen("GET", "/api/version"));
    assertFalse(AccessFilter.isOpen("GET", "/q/metrics"));
    assertTrue(AccessFilter.isOpen("POST", "/api/session"));
    assertFalse(AccessFilter.isOpen("GET", "/api/session"));
    assertFalse(AccessFilter.isOpen("DELETE", "/api/session"));
    assertFalse(AccessFilter.isOpen("POST", "/api/session/x"));
    for (String method : List.of("GET", "HEAD")) {
      assertTrue(AccessFilter.isOpen(method, "/"));
      assertTrue(AccessFilter.isOpen(method, "/index.html"));
      assertTrue(AccessFilter.isOpen(method, "/ui/app.js"));
      assertTrue(AccessFilter.isOpen(method, "/ui/lib/graph.js"));
    }
    for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS")) {
      assertFalse(AccessFilter.isOpen(method, "/"), method);
      assertFalse(AccessFilter.isOpen(method, "/index.html"), method);
      assertFalse(AccessFilter.isOpen(method, "/ui/app.js"), method);
    }
    assertFalse(AccessFilter.isOpen("GET", "/ui"));
    assertFalse(AccessFilter.isOpen("GET", "/uix/app.js"));
    assertFalse(AccessFilter.isOpen("GET", "/index.htm"));
    assertFalse(AccessFilter.isOpen("GET", "/api/ui/x"));
    assertFalse(AccessFilter.isOpen("GET", "/api/lines"));
    assertFalse(AccessFilter.isOpen("GET", "/q/openapi"));
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
