package dev.shiprun.runner.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** The API of a daemon in a container, reached through its published port. */
final class ContainerApi {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final int port;
  private final String token;

  ContainerApi(int port, String token) {
    this.port = port;
    this.token = token;
  }

  /** Whether /q/health/ready answers 200 (it needs no token); false while nothing listens. */
  boolean ready() throws InterruptedException {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** PUT /api/lines/{name} with one shippable.yml. */
  HttpResponse<String> putLine(String name, String yaml) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri("/api/lines/" + name))
            .header("Content-Type", "application/yaml")
            .PUT(HttpRequest.BodyPublishers.ofString(yaml)));
  }

  /** Triggers a job; the id of its queued run. */
  long trigger(String line, String job) throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/api/lines/" + line + "/jobs/" + job + "/runs"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    if (response.statusCode() != 202) {
      throw new IOException("trigger: " + response.statusCode() + " " + response.body());
    }
    return json.readTree(response.body()).get("id").asLong();
  }

  /** The status of run {@code id} once it is no longer queued or processing (or at the limit). */
  String awaitEnd(long id, Duration limit) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    String status = "queued";
    while (Instant.now().isBefore(deadline)
        && (status.equals("queued") || status.equals("processing"))) {
      Thread.sleep(200);
      String body = send(HttpRequest.newBuilder(uri("/api/runs/" + id))).body();
      status = json.readTree(body).get("status").asText();
    }
    return status;
  }

  /** The stored log of run {@code id}. */
  String log(long id) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri("/api/runs/" + id + "/log"))).body();
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
