package dev.shiprun.runner.daemon.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API over HTTP with a daemon context opened on a temporary home (the command itself runs as a
 * process in DaemonIT): the token filter, health, problem bodies.
 */
@QuarkusTest
class DaemonApiTest {

  private static final String TOKEN = TestDaemon.TOKEN;

  @Inject DaemonContext daemon;

  @BeforeEach
  void open() {
    TestDaemon.open(daemon);
  }

  @Test
  void refusesARequestWithoutTheToken() {
    given()
        .get("/api/version")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Bearer"))
        .body("type", equalTo("urn:shiprun:problem:unauthorized"))
        .body("title", equalTo("Unauthorized"))
        .body("detail", containsString("Authorization: Bearer <token>"));
  }

  @Test
  void refusesAWrongTokenWithoutEchoingIt() {
    given()
        .header("Authorization", "Bearer made-up-wrong-token")
        .get("/api/version")
        .then()
        .statusCode(401)
        .body(not(containsString("made-up-wrong-token")))
        .body(not(containsString(TOKEN)));
  }

  @Test
  void refusesUnknownPathsToo() {
    given().get("/anything").then().statusCode(401);
    given().get("/q/dev-ui").then().statusCode(401);
  }

  @Test
  void answersWithTheToken() {
    given()
        .header("Authorization", "Bearer " + TOKEN)
        .get("/api/version")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("version", not(equalTo(null)))
        .body("home", equalTo(daemon.opened().orElseThrow().home().toString()));
  }

  @Test
  void healthNeedsNoTokenAndReadyChecksTheStore() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", org.hamcrest.Matchers.hasItem("store"));
  }

  @Test
  void anUnknownEndpointIsAProblem404() {
    given()
        .header("Authorization", "Bearer " + TOKEN)
        .get("/api/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void aFailingEndpointIsA500WithoutItsInsides() {
    given()
        .header("Authorization", "Bearer " + TOKEN)
        .get("/api/test/failure")
        .then()
        .statusCode(500)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:shiprun:problem:internal"))
        .body(not(containsString(FailingEndpoint.INSIDE)))
        .body(not(containsString("IllegalStateException")))
        .body(not(containsString("at dev.shiprun")));
  }
}
