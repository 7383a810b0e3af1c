package dev.shiprun.runner.daemon.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web page's sign-in over HTTP: the token exchanged for a session cookie and a CSRF token, the
 * cookie accepted in place of the token, changes refused without the CSRF header, sign-out, the
 * page's files open, and the browser's security headers on every answer.
 */
@QuarkusTest
class SessionApiTest {

  private static final String COOKIE = "shiprun_session";
  private static final Pattern SET_COOKIE = Pattern.compile("shiprun_session=([A-Za-z0-9_-]+)(.*)");

  @Inject DaemonContext daemon;

  @BeforeEach
  void open() {
    TestDaemon.open(daemon);
  }

  /** A signed-in browser: the cookie's value, its attributes, and the CSRF token. */
  private record Signed(String id, String attributes, String csrf) {
    RequestSpecification cookie() {
      return given().cookie(COOKIE, id);
    }
  }

  private static Signed signIn(String... header) {
    RequestSpecification request =
        given().contentType("application/json").body("{\"token\":\"" + TestDaemon.TOKEN + "\"}");
    if (header.length == 2) {
      request.header(header[0], header[1]);
    }
    Response answer = request.post("/api/session");
    answer.then().statusCode(200).contentType("application/json");
    Matcher cookie = SET_COOKIE.matcher(answer.getHeader("Set-Cookie"));
    assertTrue(cookie.matches(), answer.getHeader("Set-Cookie"));
    return new Signed(cookie.group(1), cookie.group(2), answer.path("csrf"));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void theTokenGivesAnHttpOnlyStrictCookieWithoutPathAndACsrfToken() {
    Response answer =
        given()
            .contentType("application/json")
            .body("{\"token\":\"" + TestDaemon.TOKEN + "\"}")
            .post("/api/session");
    answer.then().statusCode(200).body("csrf", not(nullValue()));
    Instant expiresAt = Instant.parse(answer.path("expiresAt"));
    Duration left = Duration.between(Instant.now(), expiresAt);
    assertTrue(
        left.compareTo(Duration.ofHours(11)) > 0 && left.compareTo(Duration.ofHours(12)) <= 0);
    Matcher cookie = SET_COOKIE.matcher(answer.getHeader("Set-Cookie"));
    assertTrue(cookie.matches(), answer.getHeader("Set-Cookie"));
    assertEquals(43, cookie.group(1).length(), "256 random bits, base64url");
    assertEquals("; HttpOnly; SameSite=Strict", cookie.group(2), "no Path, no Secure over HTTP");
    assertFalse(answer.asString().contains(cookie.group(1)), "the id is only in the cookie");
    assertFalse(answer.asString().contains(TestDaemon.TOKEN));
  }

  @Test
  void behindATlsProxyTheCookieIsSecure() {
    assertEquals(
        "; HttpOnly; SameSite=Strict; Secure", signIn("X-Forwarded-Proto", "https").attributes());
    assertEquals("; HttpOnly; SameSite=Strict", signIn("X-Forwarded-Proto", "http").attributes());
  }

  @Test
  void aWrongTokenIs401WithoutCookie() {
    Response answer =
        given()
            .contentType("application/json")
            .body("{\"token\":\"made-up-wrong-token\"}")
            .post("/api/session");
    answer
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:shiprun:problem:unauthorized"))
        .body(not(containsString("made-up-wrong-token")));
    assertNull(answer.getHeader("Set-Cookie"));
    given()
        .contentType("application/json")
        .body("{}")
        .post("/api/session")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:shiprun:problem:bad-body"))
        .header("Set-Cookie", nullValue());
  }

  @Test
  void aBrokenSignInBodyIsNeverQuoted() {
    String secret = "made-up-token-half-typed";
    for (String body :
        List.of(
            "{\"token\": " + secret + "}",
            "{\"token\":\"" + secret + "\"",
            "{\"token\":[\"" + secret + "\"]}",
            "{\"" + secret + "\":1}",
            "[\"" + secret + "\"]")) {
      given()
          .contentType("application/json")
          .body(body)
          .post("/api/session")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("type", equalTo("urn:shiprun:problem:bad-body"))
          .body(not(containsString(secret)));
    }
  }

  @Test
  void theCookieWorksForReadsAndGivesTheCsrfTokenBack() {
    Signed signed = signIn();
    signed.cookie().get("/api/version").then().statusCode(200).body("version", not(nullValue()));
    signed.cookie().get("/api/lines").then().statusCode(200);
    signed
        .cookie()
        .get("/api/session")
        .then()
        .statusCode(200)
        .body("csrf", equalTo(signed.csrf()))
        .body("expiresAt", not(nullValue()));
    given().cookie(COOKIE, "made-up-session-id").get("/api/version").then().statusCode(401);
    given().get("/api/session").then().statusCode(401);
    TestDaemon.api().get("/api/session").then().statusCode(401);
  }

  @Test
  void aChangeWithTheCookieNeedsTheCsrfHeader() {
    Signed signed = signIn();
    String name = unique("csrf");
    for (String csrf : new String[] {null, "made-up-csrf", signed.csrf().substring(1)}) {
      RequestSpecification put = signed.cookie().contentType("application/yaml");
      if (csrf != null) {
        put.header("X-CSRF-Token", csrf);
      }
      put.body(LinesEndpointTest.yaml(LinesEndpointTest.LINE))
          .put("/api/lines/" + name)
          .then()
          .statusCode(403)
          .contentType("application/problem+json")
          .body("type", equalTo("urn:shiprun:problem:csrf"))
          .body("detail", containsString("X-CSRF-Token"));
    }
    signed.cookie().get("/api/lines/" + name).then().statusCode(404);
    signed.cookie().post("/api/lines/" + name + "/jobs/build/runs").then().statusCode(403);
    signed.cookie().delete("/api/session").then().statusCode(403);

    signed
        .cookie()
        .header("X-CSRF-Token", signed.csrf())
        .contentType("application/yaml")
        .body(LinesEndpointTest.yaml(LinesEndpointTest.LINE))
        .put("/api/lines/" + name)
        .then()
        .statusCode(201);
    signed
        .cookie()
        .header("X-CSRF-Token", signed.csrf())
        .delete("/api/lines/" + name)
        .then()
        .statusCode(204);
  }

  @Test
  void theBearerTokenNeedsNoCsrfHeader() {
    String name = unique("bearer");
    TestDaemon.api()
        .contentType("application/yaml")
        .body(LinesEndpointTest.yaml(LinesEndpointTest.LINE))
        .put("/api/lines/" + name)
        .then()
        .statusCode(201);
    TestDaemon.api().delete("/api/lines/" + name).then().statusCode(204);
    Signed signed = signIn();
    signed
        .cookie()
        .header("Authorization", "Bearer made-up-wrong-token")
        .get("/api/version")
        .then()
        .statusCode(401);
  }

  @Test
  void signOutEndsTheSessionAndClearsTheCookie() {
    Signed signed = signIn();
    Signed other = signIn();
    Response out = signed.cookie().header("X-CSRF-Token", signed.csrf()).delete("/api/session");
    out.then().statusCode(204);
    assertEquals(
        "shiprun_session=; Max-Age=0; HttpOnly; SameSite=Strict", out.getHeader("Set-Cookie"));
    signed.cookie().get("/api/version").then().statusCode(401);
    signed.cookie().get("/api/session").then().statusCode(401);
    other.cookie().get("/api/version").then().statusCode(200);
    assertNotEquals(signed.csrf(), other.csrf());
  }

  @Test
  void thePageIsOpenAndNothingElse() {
    for (String path : List.of("/", "/index.html", "/ui/made-up-file.js")) {
      Response answer = given().get(path);
      assertNotEquals(401, answer.statusCode(), path);
      assertNull(answer.getHeader("WWW-Authenticate"), path);
    }
    given().post("/").then().statusCode(401);
    given().get("/api/lines").then().statusCode(401);
    given().get("/q/openapi").then().statusCode(401);
    given().get("/ui").then().statusCode(401);
  }

  @Test
  void everyAnswerCarriesTheBrowsersSecurityHeaders() {
    Signed signed = signIn();
    List<Response> answers =
        List.of(
            given().get("/api/version"),
            TestDaemon.api().get("/api/version"),
            TestDaemon.api().get("/api/nothing-here"),
            signed.cookie().put("/api/lines/x"),
            given().get("/q/health/live"),
            given().get("/ui/made-up-file.js"),
            TestDaemon.api().get("/q/metrics"));
    for (Response answer : answers) {
      assertEquals(
          "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
              + " frame-ancestors 'none'",
          answer.getHeader("Content-Security-Policy"));
      assertEquals("nosniff", answer.getHeader("X-Content-Type-Options"));
      assertEquals("no-referrer", answer.getHeader("Referrer-Policy"));
      assertEquals("DENY", answer.getHeader("X-Frame-Options"));
    }
  }

  @Test
  void neitherTokenNorSessionIdIsLogged() {
    try (LogCapture log = new LogCapture()) {
      Signed signed = signIn();
      signed.cookie().get("/api/version").then().statusCode(200);
      signed.cookie().put("/api/lines/x").then().statusCode(403);
      given()
          .contentType("application/json")
          .body("{\"token\": " + TestDaemon.TOKEN + "}")
          .post("/api/session")
          .then()
          .statusCode(400);
      signed
          .cookie()
          .header("X-CSRF-Token", signed.csrf())
          .delete("/api/session")
          .then()
          .statusCode(204);
      for (String line : log.lines()) {
        assertFalse(line.contains(TestDaemon.TOKEN), line);
        assertFalse(line.contains(signed.id()), line);
        assertFalse(line.contains(signed.csrf()), line);
      }
    }
  }
}
