package dev.shiprun.runner.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The API of a daemon in a container, reached over HTTPS through its published port, trusting only
 * the certificate the test made for it.
 */
final class ContainerApi {

  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final int port;
  private final String token;

  ContainerApi(int port, String token, Path certificate)
      throws GeneralSecurityException, IOException {
    this.port = port;
    this.token = token;
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      trusted.setCertificateEntry(
          "daemon", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    this.http =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(2)).build();
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

  /** The status of run {@code id} once it is neither queued nor processing (or at the limit). */
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
    return URI.create("https://127.0.0.1:" + port + path);
  }
}
