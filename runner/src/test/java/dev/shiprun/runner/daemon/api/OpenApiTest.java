package dev.shiprun.runner.daemon.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /q/openapi}: behind the token, and it describes the API's paths. */
@QuarkusTest
class OpenApiTest {

  @Inject DaemonContext daemon;

  @BeforeEach
  void open() throws Exception {
    TestDaemon.open(daemon);
  }

  @Test
  void isYamlUnlessJsonIsAskedFor() {
    given()
        .header("Authorization", "Bearer " + TestDaemon.TOKEN)
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .contentType(org.hamcrest.Matchers.containsString("yaml"))
        .body(org.hamcrest.Matchers.containsString("openapi: 3"))
        .body(org.hamcrest.Matchers.containsString("/api/runs/{id}/cancel:"));
  }

  @Test
  void needsTheToken() {
    given().get("/q/openapi").then().statusCode(401);
    given().get("/q/openapi?format=json").then().statusCode(401);
  }

  @Test
  void describesTheEndpoints() {
    given()
        .header("Authorization", "Bearer " + TestDaemon.TOKEN)
        .accept("application/json")
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("shiprun daemon API"))
        .body("paths", hasKey("/api/version"))
        .body("paths", hasKey("/api/lines"))
        .body("paths", hasKey("/api/lines/{name}"))
        .body("paths.'/api/lines/{name}/picture'", hasKey("get"))
        .body("paths", hasKey("/api/integrations"))
        .body("paths", hasKey("/api/integrations/{name}"))
        .body("paths", hasKey("/api/integrations/{name}/test"))
        .body("paths", hasKey("/api/runs"))
        .body("paths", hasKey("/api/runs/{id}"))
        .body("paths", hasKey("/api/runs/{id}/log"))
        .body("paths.'/api/runs/{id}/cancel'", hasKey("post"))
        .body("paths.'/api/lines/{line}/jobs/{job}/runs'", hasKey("post"))
        .body("paths.'/api/lines/{line}/triggers/{name}'", hasKey("post"))
        .body("paths", hasKey("/api/resources/{line}/{name}/versions"))
        .body("components.schemas", hasKey("RunView"))
        .body("paths.'/api/lines/{name}'", hasKey("put"))
        .body("paths.'/api/lines/{name}'", hasKey("delete"))
        .body("paths.'/api/integrations/{name}/test'", hasKey("post"))
        .body("paths.'/api/lines/{name}'.put.responses", hasKey("422"))
        .body("components.securitySchemes.token.scheme", equalTo("bearer"))
        .body("security[0]", hasKey("token"));
  }
}
