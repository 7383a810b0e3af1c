package dev.shiprun.runner.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.Poll;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A line's live events over a real HTTP connection (the JDK's client reading the stream line by
 * line) while a real run in bash goes: queued, processing, each step as it begins and ends, the
 * version it posts, its end.
 */
@QuarkusTest
class LineEventsApiTest {

  private static final String LINE =
      """
      resources:
        - name: knob
          type: params
          versionTemplate: {params: {COLOR: "blue"}}
        - name: app-image
          type: image
          versionTemplate: {sourceName: "example/app", versionName: "0.1.0"}
      jobs:
        - name: build
          type: runSh
          steps:
            - IN: knob
            - TASK:
                name: compile
                script: ['sleep 0.2', 'shipctl put_resource_state app-image versionName "2.$BUILD_NUMBER"']
            - OUT: app-image
          on_start:
            script: ['echo starting']
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject DaemonContext daemon;

  @TestHTTPResource("/")
  URL root;

  private String line;

  @BeforeEach
  void open() {
    TestDaemon.open(daemon);
    line = "events-" + Long.toHexString(System.nanoTime());
    TestDaemon.api()
        .contentType("application/yaml")
        .body(LinesEndpointTest.yaml(LINE))
        .put("/api/lines/" + line)
        .then()
        .statusCode(201);
  }

  /** An event as read from the stream: its name and data, or a comment. */
  private record Event(String name, String data) {
    JsonNode json() throws Exception {
      return JSON.readTree(data);
    }
  }

  /** Reads the stream of {@code line} into {@code to} on a thread of its own. */
  private InputStream follow(BlockingQueue<Event> to) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(root.toString()).resolve("/api/lines/" + line + "/events"))
            .header("Authorization", "Bearer " + TestDaemon.TOKEN)
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    InputStream body = response.body();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                StringBuilder data = new StringBuilder();
                String l;
                while ((l = r.readLine()) != null) {
                  if (l.startsWith(":")) {
                    to.add(new Event(":", l.substring(1).strip()));
                  } else if (l.startsWith("event:")) {
                    name = l.substring(6).strip();
                  } else if (l.startsWith("data:")) {
                    data.append(l.substring(5).strip());
                  } else if (l.isEmpty() && name != null) {
                    to.add(new Event(name, data.toString()));
                    name = null;
                    data.setLength(0);
                  }
                }
              } catch (Exception closed) {
                // the test closed the stream
              }
            });
    reader.setDaemon(true);
    reader.start();
    return body;
  }

  private static Event next(BlockingQueue<Event> events) throws InterruptedException {
    Event e = events.poll(60, TimeUnit.SECONDS);
    assertNotNull(e, "no event within 60 s");
    return e;
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aRunIsFollowedFromItsQueueingToItsEndWithItsStepsAndVersion() throws Exception {
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    try (InputStream stream = follow(events)) {
      assertEquals(new Event(":", "keep-alive"), next(events), "the stream opens with a comment");

      long id = TestDaemon.trigger(line, "build");

      List<String> seen = new ArrayList<>();
      JsonNode queued = null;
      JsonNode version = null;
      JsonNode compiled = null;
      JsonNode ended = null;
      while (ended == null) {
        Event e = next(events);
        if (e.name().equals(":")) {
          continue;
        }
        JsonNode data = e.json();
        switch (e.name()) {
          case "job" -> {
            assertEquals(id, data.get("runId").asLong(), e.toString());
            assertEquals("build", data.get("job").asText());
            seen.add("job " + data.get("status").asText());
            if (data.get("status").asText().equals("queued")) {
              queued = data;
            } else if (!data.get("status").asText().equals("processing")) {
              ended = data;
            }
          }
          case "step" -> {
            assertEquals(id, data.get("runId").asLong(), e.toString());
            JsonNode step = data.get("step");
            seen.add("step " + step.get("name").asText() + " " + step.get("status").asText());
            if (step.get("name").asText().equals("compile")
                && step.get("status").asText().equals("success")) {
              compiled = step;
            }
          }
          case "version" -> {
            seen.add("version " + data.get("resource").asText());
            version = data;
          }
          default -> seen.add(e.name());
        }
      }

      assertEquals(
          List.of(
              "job queued",
              "job processing",
              "step on_start processing",
              "step on_start success",
              "step compile processing",
              "step compile success",
              "version app-image",
              "job success"),
          seen);
      assertEquals("manual", queued.get("triggeredBy").asText());
      assertTrue(queued.get("startedAt").isNull());
      assertEquals(1, ended.get("buildNumber").asInt());
      assertTrue(ended.get("startedAt").isTextual() && ended.get("finishedAt").isTextual());
      assertEquals("task", compiled.get("kind").asText());
      assertTrue(compiled.get("durationMs").asLong() >= 200, compiled.toString());
      assertEquals("2.1", version.get("versionName").asText());
      assertEquals(2, version.get("number").asInt(), "the YAML's 0.1.0 is #1");
    }
  }

  @Test
  @Timeout(value = 1, unit = TimeUnit.MINUTES)
  void aFollowerThatGoesAwayIsDropped() throws Exception {
    var lineEvents = daemon.opened().orElseThrow().runs().lineEvents();
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    InputStream stream = follow(events);
    assertEquals(":", next(events).name());
    assertEquals(1, lineEvents.following(line));
    stream.close();
    // The next comment finds the connection closed; a second one at the latest drops it.
    Poll.until(
        Duration.ofSeconds(20),
        () -> {
          lineEvents.keepAlive();
          return lineEvents.following(line);
        },
        n -> n == 0,
        n -> n + " followers still");
  }

  @Test
  void anUnknownLineHasNoEvents() {
    TestDaemon.api()
        .accept("text/event-stream")
        .get("/api/lines/made-up-line/events")
        .then()
        .statusCode(404);
  }
}
