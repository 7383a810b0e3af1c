package dev.shiprun.masker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A secret with spaces and special chars as real tools percent-encode it: curl's form data sent to
 * a local HTTP server (as a POST body and as a GET query), jq's {@code @uri}, Python's urllib.
 */
class UrlFormsTest {

  private static final List<String> SECRETS =
      List.of(
          "made up pä$$:w0rd/+?\"'\\~*",
          "a b~*'!()-._:/?#[]@$&+,;=%ä",
          "made-up token with spaces",
          "ZZ/secret+made=up");

  private HttpServer server;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
          String query = exchange.getRequestURI().getRawQuery();
          received.add(query != null ? query : body);
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void masksWhatCurlSendsAsFormData() throws Exception {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    for (String secret : SECRETS) {
      SecretMasker masker = new SecretMasker(List.of(secret));
      for (List<String> how :
          List.of(
              List.of("--data-urlencode", "password=" + secret),
              List.of("-G", "--data-urlencode", "password=" + secret),
              List.of("--url-query", "password=" + secret))) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null"));
        command.addAll(how);
        command.add(url);
        run(command);
        String sent = received.poll(30, TimeUnit.SECONDS);

        assertEquals("password=***", masker.mask(sent), how.get(0) + ": " + sent);
      }
    }
  }

  @Test
  void masksWhatJqUriWrites() throws Exception {
    for (String secret : SECRETS) {
      String encoded = run(List.of("jq", "-rn", "--arg", "s", secret, "$s | @uri"));

      assertEquals("***\n", new SecretMasker(List.of(secret)).mask(encoded), encoded);
    }
  }

  @Test
  void masksWhatPythonUrllibWrites() throws Exception {
    String script =
        """
        import sys
        from urllib.parse import quote, quote_plus, urlencode
        s = sys.argv[1]
        print(quote(s)); print(quote(s, safe="")); print(quote_plus(s))
        print(urlencode({"password": s})[len("password="):])
        """;
    for (String secret : SECRETS) {
      String encoded = run(List.of("python3", "-c", script, secret));

      assertEquals(
          "***\n***\n***\n***\n", new SecretMasker(List.of(secret)).mask(encoded), encoded);
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", command));
    return out;
  }
}
