package dev.shiprun.runner.daemon.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's edges over real HTTP: paths sent byte for byte (java.net.http sends the raw path as
 * given; rest-assured would encode or fold it), query parameters that are not numbers, and a line's
 * path that is not a folder or a YAML file.
 */
@QuarkusTest
class ApiEdgesTest {

  private static final String LINE =
      """
      resources:
        - name: knob
          type: params
          versionTemplate: {params: {COLOR: "blue"}}
      jobs:
        - name: hello
          type: runSh
          steps:
            - IN: knob
            - TASK: {script: ['echo hello']}
      """;

  private static final String REGISTRY =
      "{\"type\": \"dockerRegistryLogin\", \"fields\": {\"url\": \"https://registry.example.com\","
          + " \"username\": \"made-up-user\", \"password\": \"made-up-password\"}}";

  @Inject DaemonContext daemon;

  @TestHTTPResource("/")
  URL root;

  @TempDir Path temp;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void open() {
    TestDaemon.open(daemon);
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  /** {@code method path} with the token and {@code body}, the path sent exactly as written. */
  private HttpResponse<String> send(String method, String rawPath, String type, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + rawPath))
            .header("Authorization", "Bearer " + TestDaemon.TOKEN);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", type)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void assertInvalidName(HttpResponse<String> response, String what) {
    assertEquals(400, response.statusCode(), what + ": " + response.body());
    assertTrue(
        response.body().contains("\"type\":\"urn:shiprun:problem:invalid-name\""),
        what + ": " + response.body());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
  }

  @Test
  void aLineNameThatWouldNotComeBackAsSentIs400AndNothingIsStored() throws Exception {
    String name = unique("edge");
    for (String sent :
        List.of(
            name + ";b",
            name + ";",
            name + "%3Bb",
            name + "%2Fb",
            name + "%2fb",
            "x/../" + name,
            "./" + name,
            name + "/",
            "%61" + name,
            name + "%20")) {
      assertInvalidName(
          send("PUT", "/api/lines/" + sent, "application/yaml", LINE), "PUT /api/lines/" + sent);
      assertInvalidName(send("GET", "/api/lines/" + sent, null, null), "GET /api/lines/" + sent);
    }
    assertEquals(
        404, send("GET", "/api/lines/" + name, null, null).statusCode(), "no line was stored");
    assertEquals(201, send("PUT", "/api/lines/" + name, "application/yaml", LINE).statusCode());
    HttpResponse<String> back = send("GET", "/api/lines/" + name, null, null);
    assertEquals(200, back.statusCode(), back.body());
    assertTrue(back.body().contains("\"name\":\"" + name + "\""), back.body());
  }

  @Test
  void anIntegrationNameThatWouldNotComeBackAsSentIs400AndNothingIsStored() throws Exception {
    String name = unique("edge");
    for (String sent : List.of(name + ";b", name + "%3Bb", name + "%2Fb", name + "/")) {
      assertInvalidName(
          send("PUT", "/api/integrations/" + sent, "application/json", REGISTRY),
          "PUT /api/integrations/" + sent);
    }
    assertEquals(404, send("GET", "/api/integrations/" + name, null, null).statusCode());
    HttpResponse<String> stored =
        send("PUT", "/api/integrations/" + name, "application/json", REGISTRY);
    assertEquals(201, stored.statusCode(), stored.body());
    assertFalse(stored.body().contains("made-up-password"), stored.body());
    assertEquals(204, send("DELETE", "/api/integrations/" + name, null, null).statusCode());
  }

  @Test
  void otherSegmentsWithMatrixParametersOrEncodedSeparatorsAre400() throws Exception {
    String name = unique("edge");
    assertEquals(201, send("PUT", "/api/lines/" + name, "application/yaml", LINE).statusCode());
    for (String path :
        List.of(
            "/api/lines/" + name + "/jobs/hello;x/runs",
            "/api/lines/" + name + "/jobs/hello%2Fx/runs",
            "/api/lines/" + name + "/jobs/../jobs/hello/runs",
            "/api/lines/" + name + "/jobs//runs",
            "/api/runs/1;x",
            "/api/runs/")) {
      assertInvalidName(send(methodOf(path), path, null, null), path);
    }
  }

  private static String methodOf(String path) {
    return path.endsWith("/runs") ? "POST" : "GET";
  }

  @Test
  void aBadNameWithoutTheTokenIs401First() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(root.toString().replaceAll("/$", "") + "/api/lines/a;b"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, response.statusCode(), response.body());
  }

  @Test
  void aLimitThatIsNotANumberFromOneTo1000Is400() throws Exception {
    for (String limit : List.of("abc", "0", "-1", "1001", "99999999999", "1.5", "%20")) {
      HttpResponse<String> response = send("GET", "/api/runs?limit=" + limit, null, null);
      assertEquals(400, response.statusCode(), "limit=" + limit + ": " + response.body());
      assertTrue(
          response.body().contains("\"type\":\"urn:shiprun:problem:bad-query\""), response.body());
      assertTrue(
          response.body().contains("limit must be a whole number from 1 to 1000"), response.body());
    }
    assertEquals(200, send("GET", "/api/runs?limit=5", null, null).statusCode());
    assertEquals(200, send("GET", "/api/runs", null, null).statusCode());
    HttpResponse<String> status = send("GET", "/api/runs?status=done", null, null);
    assertEquals(400, status.statusCode());
    assertTrue(status.body().contains("'done' is not a run status"), status.body());
  }

  @Test
  void aLinePathThatIsNotAFolderOrAYamlFileIsRefusedWithoutReadingIt() throws Exception {
    Path secrets = Files.writeString(temp.resolve("made-up.env"), "made-up-key: made-up-secret\n");
    Path binary = Files.write(temp.resolve("blob.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, -1, 2});
    Path link = Files.createSymbolicLink(temp.resolve("link.yml"), secrets);
    Path yaml = Files.writeString(temp.resolve("line.yaml"), LINE);
    for (Path path : List.of(secrets, binary, link)) {
      io.restassured.response.Response response =
          TestDaemon.api()
              .contentType("application/json")
              .body(Map.of("path", path.toString()))
              .put("/api/lines/" + unique("file"));
      response
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("type", equalTo("urn:shiprun:problem:invalid-body"))
          .body("detail", containsString("is neither a folder nor a .yml or .yaml file"))
          .body(not(containsString("made-up-key")))
          .body(not(containsString("made-up-secret")))
          .body(not(containsString("ELF")));
    }
    TestDaemon.api()
        .contentType("application/json")
        .body(Map.of("path", yaml.toString()))
        .put("/api/lines/" + unique("file"))
        .then()
        .statusCode(201)
        .body("valid", equalTo(true));
    TestDaemon.api()
        .contentType("application/json")
        .body(Map.of("path", temp.toString()))
        .put("/api/lines/" + unique("folder"))
        .then()
        .statusCode(422)
        .body("detail", not(containsString("made-up")))
        .body("diagnostics[0].code", equalTo("AL009"));
  }
}
