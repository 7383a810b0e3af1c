package dev.shiprun.runner.daemon.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.Poll;
import dev.shiprun.runner.picture.PictureXml;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** {@code GET /api/lines/{name}/picture} against the real app, store and bash. */
@QuarkusTest
class LinePictureEndpointTest {

  /** build writes a new tag of app-image, which triggers deploy. */
  private static final String LINE =
      """
      resources:
        - name: knob
          type: params
          versionTemplate: {params: {COLOR: "blue"}}
        - name: app-image
          type: image
          versionTemplate: {sourceName: example/app, versionName: "0.1.0"}
      jobs:
        - name: build
          type: runSh
          steps:
            - IN: knob
            - TASK: {script: ['shipctl put_resource_state app-image versionName "1.2.$BUILD_NUMBER"']}
            - OUT: app-image
        - name: deploy
          type: runSh
          steps:
            - IN: app-image
            - TASK: {script: ['echo "deploying $APPIMAGE_VERSIONNAME"']}
        - name: idle
          type: runSh
          steps:
            - IN: knob
              switch: off
            - TASK: {script: ['echo idle']}
      """;

  @jakarta.inject.Inject DaemonContext daemon;

  @TempDir Path temp;

  private String line;

  @BeforeEach
  void open() {
    TestDaemon.open(daemon);
    line = "picture-" + Long.toHexString(System.nanoTime());
  }

  private void put(String name, String yaml) {
    TestDaemon.api()
        .contentType("application/yaml")
        .body(yaml.getBytes(StandardCharsets.UTF_8))
        .put("/api/lines/" + name)
        .then()
        .statusCode(201);
  }

  private static String picture(String name) {
    return TestDaemon.api()
        .get("/api/lines/{name}/picture", name)
        .then()
        .statusCode(200)
        .contentType("image/svg+xml")
        .extract()
        .asString();
  }

  /** Each node's name → its status (jobs) or versionName (resources; "" without one). */
  private static Map<String, String> shown(String svg) throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (Element g : PictureXml.nodes(PictureXml.parse(svg))) {
      switch (g.getAttribute("data-kind")) {
        case "job" -> out.put(g.getAttribute("data-name"), g.getAttribute("data-status"));
        case "resource" -> out.put(g.getAttribute("data-name"), g.getAttribute("data-version"));
        default -> {}
      }
    }
    return out;
  }

  @Test
  void aNewLineIsDrawnWithoutStatuses() throws Exception {
    put(line, LINE);

    String svg = picture(line);

    Element root = PictureXml.parse(svg);
    assertEquals("shiprun-line", root.getAttribute("class"));
    assertEquals(
        "assembly line " + line + ": 3 jobs, 2 resources", root.getAttribute("aria-label"));
    assertEquals("none", shown(svg).get("build"));
    assertEquals("none", shown(svg).get("deploy"));
    assertTrue(svg.contains("class=\"edge in off\" data-from=\"knob\" data-to=\"idle\""), svg);
    assertEquals(svg, picture(line), "the same line and state, the same bytes");
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void runsColourTheirJobsAndNewVersionsShowTheirNames() throws Exception {
    put(line, LINE);
    TestDaemon.api()
        .contentType("application/json")
        .body(Map.of())
        .post("/api/lines/{line}/jobs/{job}/runs", line, "build")
        .then()
        .statusCode(202);

    Map<String, String> shown =
        Poll.until(
            Duration.ofSeconds(60),
            () -> shown(picture(line)),
            s -> "success".equals(s.get("deploy")),
            s -> "deploy not done yet: " + s);

    assertEquals("success", shown.get("build"));
    assertEquals("none", shown.get("idle"));
    assertEquals("1.2.1", shown.get("app-image"));
    String svg = picture(line);
    assertTrue(svg.contains("runSh · #1"), svg);
    assertTrue(svg.contains("<text class=\"detail version\" x=\"12\" y=\"35\">1.2.1</text>"), svg);
  }

  @Test
  void aLineInAFolderIsDrawnAsItsFilesAreNow() throws Exception {
    Files.writeString(temp.resolve("shippable.yml"), jobs("first"));
    TestDaemon.api()
        .contentType("application/json")
        .body(Map.of("path", temp.toString()))
        .put("/api/lines/" + line)
        .then()
        .statusCode(201);
    assertEquals(List.of("first"), List.copyOf(shown(picture(line)).keySet()));

    Files.writeString(temp.resolve("shippable.yml"), jobs("second"));

    assertEquals(List.of("second"), List.copyOf(shown(picture(line)).keySet()));
  }

  private static String jobs(String name) {
    return """
        jobs:
          - name: %s
            type: runSh
            steps:
              - TASK: {script: ['echo hi']}
        """
        .formatted(name);
  }

  @Test
  void anUnknownLineIsAProblemSayingHowToAddIt() {
    TestDaemon.api()
        .get("/api/lines/{name}/picture", "no-such-line")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("PUT /api/lines/no-such-line"));
  }

  @Test
  void thePictureNeedsTheToken() {
    put(line, LINE);
    RestAssured.given().get("/api/lines/{name}/picture", line).then().statusCode(401);
  }

  @Test
  void aBadNameIsRefused() {
    TestDaemon.api()
        .get("/api/lines/{name}/picture", "-bad")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:shiprun:problem:invalid-name"));
  }
}
