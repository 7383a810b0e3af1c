package dev.shiprun.runner.daemon.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/lines} over HTTP, against the real application and store. */
@QuarkusTest
class LinesEndpointTest {

  /** Two jobs, two resources; 'notify' has no TASK, which is a warning (AL119). */
  static final String LINE =
      """
      resources:
        - name: app-image
          type: image
        - name: app-params
          type: params

      jobs:
        - name: build
          type: runSh
          steps:
            - IN: app-params
            - TASK:
                script:
                  - echo hi
            - OUT: app-image
        - name: notify
          type: runSh
          steps:
            - IN: app-image
      """;

  /** Reads a resource nobody defines: error AL107 at 9:13. */
  static final String INVALID =
      """
      resources:
        - name: app-image
          type: image

      jobs:
        - name: deploy
          type: runSh
          steps:
            - IN: app-imgae
            - TASK:
                script:
                  - echo deploying
      """;

  @Inject DaemonContext daemon;

  @TempDir Path temp;

  @BeforeEach
  void open() throws Exception {
    TestDaemon.open(daemon);
  }

  private static RequestSpecification api() {
    return TestDaemon.api();
  }

  /**
   * YAML as bytes: rest-assured has no encoder for application/yaml and sends bytes as they are.
   */
  static byte[] yaml(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void putsANewLineAs201ThenReplacesItWith200() {
    String name = unique("yaml");
    api()
        .contentType("application/yaml")
        .body(yaml(LINE))
        .put("/api/lines/" + name)
        .then()
        .statusCode(201)
        .contentType("application/json")
        .body("name", equalTo(name))
        .body("source", equalTo("files"))
        .body("files", equalTo(java.util.List.of("shippable.yml")))
        .body("path", nullValue())
        .body("updatedAt", notNullValue())
        .body("valid", equalTo(true))
        .body("jobs", equalTo(2))
        .body("resources", equalTo(2))
        .body("warnings", equalTo(1))
        .body("diagnostics[0].code", equalTo("AL119"))
        .body("diagnostics[0].severity", equalTo("warning"))
        .body("diagnostics[0].file", equalTo("shippable.yml"))
        .body("diagnostics[0].line", notNullValue());
    api()
        .contentType("text/plain")
        .body(yaml(LINE))
        .put("/api/lines/" + name)
        .then()
        .statusCode(200)
        .body("name", equalTo(name));
    api()
        .contentType("application/x-yaml")
        .body(yaml(LINE))
        .put("/api/lines/" + name)
        .then()
        .statusCode(200);
  }

  @Test
  void anInvalidLineIs422WithDiagnosticsAndTheStoredOneStays() {
    String name = unique("invalid");
    api()
        .contentType("application/yaml")
        .body(yaml(LINE))
        .put("/api/lines/" + name)
        .then()
        .statusCode(201);
    String before = api().get("/api/lines/" + name).then().extract().path("updatedAt");

    api()
        .contentType("application/yaml")
        .body(yaml(INVALID))
        .put("/api/lines/" + name)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:shiprun:problem:invalid-line"))
        .body("status", equalTo(422))
        .body("detail", containsString("nothing was stored"))
        .body("errors", equalTo(1))
        .body("diagnostics[0].code", equalTo("AL107"))
        .body("diagnostics[0].file", equalTo("shippable.yml"))
        .body("diagnostics[0].line", equalTo(9))
        .body("diagnostics[0].column", equalTo(13))
        .body("diagnostics[0].message", containsString("app-imgae"))
        .body("diagnostics[0].hints[0]", containsString("did you mean 'app-image'?"));

    api()
        .get("/api/lines/" + name)
        .then()
        .statusCode(200)
        .body("updatedAt", equalTo(before))
        .body("jobs.name", hasItems("build", "notify"));
  }

  @Test
  void anInvalidNewLineIsNotStoredAtAll() {
    String name = unique("never");
    api()
        .contentType("application/yaml")
        .body(yaml(INVALID))
        .put("/api/lines/" + name)
        .then()
        .statusCode(422);
    api().get("/api/lines/" + name).then().statusCode(404);
  }

  @Test
  void aYamlSyntaxErrorComesBackWithItsPosition() {
    api()
        .contentType("application/yaml")
        .body(yaml("jobs:\n  - name: a\n    type: [runSh\n"))
        .put("/api/lines/" + unique("syntax"))
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:shiprun:problem:bad-yaml"))
        .body("diagnostics[0].code", equalTo("AL001"))
        .body("errors", equalTo(1))
        .body("diagnostics[0].file", equalTo("shippable.yml"))
        .body("diagnostics[0].line", notNullValue())
        .body("diagnostics[0].column", notNullValue());
  }

  @Test
  void filesAreStoredTogetherAndReadInAFoldersOrder() {
    String name = unique("files");
    String resources = LINE.substring(0, LINE.indexOf("jobs:"));
    String jobs = LINE.substring(LINE.indexOf("jobs:"));
    api()
        .contentType("application/json")
        .body(
            Map.of(
                "files", Map.of("shippable.jobs.yml", jobs, "shippable.resources.yml", resources)))
        .put("/api/lines/" + name)
        .then()
        .statusCode(201)
        .body("source", equalTo("files"))
        .body("files", equalTo(java.util.List.of("shippable.resources.yml", "shippable.jobs.yml")))
        .body("jobs", equalTo(2))
        .body("resources", equalTo(2));
  }

  @Test
  void aPathLineIsReadFromTheNodeAtEachUse() throws Exception {
    String name = unique("path");
    Files.writeString(temp.resolve("shippable.yml"), LINE);
    api()
        .contentType("application/json")
        .body(Map.of("path", temp.toString()))
        .put("/api/lines/" + name)
        .then()
        .statusCode(201)
        .body("source", equalTo("path"))
        .body("path", equalTo(temp.toString()))
        .body("files", nullValue())
        .body("valid", equalTo(true));

    // An edit on the node shows at the next read, invalid included.
    Files.writeString(temp.resolve("shippable.yml"), INVALID);
    api()
        .get("/api/lines/" + name)
        .then()
        .statusCode(200)
        .body("valid", equalTo(false))
        .body("edges", hasSize(0))
        .body("diagnostics.code", hasItem("AL107"));
  }

  @Test
  void aRelativeOrMissingPathIs422WithAClearDetail() {
    api()
        .contentType("application/json")
        .body(Map.of("path", "samples/image-chain"))
        .put("/api/lines/" + unique("rel"))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("is relative; give an absolute path"));
    api()
        .contentType("application/json")
        .body(Map.of("path", temp.resolve("nothing-here").toString()))
        .put("/api/lines/" + unique("missing"))
        .then()
        .statusCode(422)
        .body("detail", containsString("does not exist on the daemon's node"));
  }

  @Test
  void aJsonBodyNeedsExactlyOneOfPathAndFiles() {
    api()
        .contentType("application/json")
        .body("{}")
        .put("/api/lines/" + unique("none"))
        .then()
        .statusCode(422)
        .body("detail", containsString("exactly one of 'path'"));
    api()
        .contentType("application/json")
        .body(Map.of("files", Map.of("../../etc/passwd", "jobs: []")))
        .put("/api/lines/" + unique("badfile"))
        .then()
        .statusCode(422)
        .body("detail", containsString("not a YAML file name"));
  }

  @Test
  void malformedJsonIs400WithLineAndColumnAndNotTheBody() {
    api()
        .contentType("application/json")
        .body("{\n  \"files\": {\"shippable.yml\": made-up-unquoted}\n}")
        .put("/api/lines/" + unique("json"))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:shiprun:problem:bad-body"))
        .body("line", equalTo(2))
        .body("column", notNullValue())
        .body("detail", containsString("not valid JSON at line 2"))
        .body(not(containsString("made-up")));
  }

  @Test
  void jsonOfTheWrongShapeIs400NamingTheField() {
    api()
        .contentType("application/json")
        .body("{\"files\": {\"shippable.yml\": {\"nested\": \"made-up-value\"}}}")
        .put("/api/lines/" + unique("shape"))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("'files.shippable.yml' has the wrong type"))
        .body(not(containsString("made-up-value")));
  }

  @Test
  void anUnsupportedContentTypeIs415Problem() {
    api()
        .contentType("application/xml")
        .body("<line/>")
        .put("/api/lines/" + unique("xml"))
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void badNamesAre400() {
    // ".." never reaches the endpoint: HTTP clients and Vert.x normalise it away.
    for (String name : new String[] {"has space", ".hidden", "-dash", "a".repeat(201), "x@y"}) {
      api()
          .urlEncodingEnabled(true)
          .contentType("application/yaml")
          .body(yaml(LINE))
          .put("/api/lines/{name}", name)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("type", equalTo("urn:shiprun:problem:invalid-name"));
    }
    api()
        .contentType("application/yaml")
        .body(yaml(LINE))
        .put("/api/lines/Ok_name-1.2")
        .then()
        .statusCode(201);
  }

  @Test
  void listsLinesWithTheirSourceAndCounts() throws Exception {
    String uploaded = unique("list-a");
    String onNode = unique("list-b");
    Files.writeString(temp.resolve("shippable.yml"), LINE);
    api()
        .contentType("application/yaml")
        .body(yaml(LINE))
        .put("/api/lines/" + uploaded)
        .then()
        .statusCode(201);
    api()
        .contentType("application/json")
        .body(Map.of("path", temp.toString()))
        .put("/api/lines/" + onNode)
        .then()
        .statusCode(201);

    api()
        .get("/api/lines")
        .then()
        .statusCode(200)
        .body("name", hasItems(uploaded, onNode))
        .body("find { it.name == '" + uploaded + "' }.source", equalTo("files"))
        .body("find { it.name == '" + uploaded + "' }.jobs", equalTo(2))
        .body("find { it.name == '" + uploaded + "' }.resources", equalTo(2))
        .body("find { it.name == '" + uploaded + "' }.valid", equalTo(true))
        .body("find { it.name == '" + onNode + "' }.source", equalTo("path"))
        .body("find { it.name == '" + onNode + "' }.path", equalTo(temp.toString()))
        .body("diagnostics", everyItem(nullValue()));
  }

  @Test
  void getsTheGraphOfALine() {
    String name = unique("graph");
    api()
        .contentType("application/yaml")
        .body(yaml(LINE))
        .put("/api/lines/" + name)
        .then()
        .statusCode(201);
    api()
        .get("/api/lines/" + name)
        .then()
        .statusCode(200)
        .body("name", equalTo(name))
        .body("valid", equalTo(true))
        .body("jobs.name", equalTo(java.util.List.of("build", "notify")))
        .body("jobs[0].type", equalTo("runSh"))
        .body("jobs[0].ins", equalTo(java.util.List.of("app-params")))
        .body("jobs[0].outs", equalTo(java.util.List.of("app-image")))
        .body("jobs[1].ins", equalTo(java.util.List.of("app-image")))
        .body("resources.name", equalTo(java.util.List.of("app-image", "app-params")))
        .body("resources[0].type", equalTo("image"))
        .body("edges.find { it.from == 'build' && it.to == 'app-image' }.kind", equalTo("OUT"))
        .body("edges.find { it.from == 'app-image' && it.to == 'notify' }.kind", equalTo("IN"))
        .body("order", equalTo(java.util.List.of("build", "notify")))
        .body("warnings", equalTo(1))
        .body("diagnostics[0].code", equalTo("AL119"));
  }

  @Test
  void unknownLinesAre404AndDeleteIs204Once() {
    String name = unique("gone");
    api()
        .get("/api/lines/" + name)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:shiprun:problem:not-found"))
        .body("detail", containsString("no line '" + name + "'"));
    api()
        .contentType("application/yaml")
        .body(yaml(LINE))
        .put("/api/lines/" + name)
        .then()
        .statusCode(201);
    api().delete("/api/lines/" + name).then().statusCode(204);
    api().delete("/api/lines/" + name).then().statusCode(404);
    api().get("/api/lines/" + name).then().statusCode(404);
  }

  @Test
  void everyLineEndpointNeedsTheToken() {
    given().get("/api/lines").then().statusCode(401);
    given()
        .contentType("application/yaml")
        .body(yaml(LINE))
        .put("/api/lines/x")
        .then()
        .statusCode(401);
    given().delete("/api/lines/x").then().statusCode(401);
  }
}
