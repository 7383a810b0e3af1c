package dev.shiprun.runner.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.runner.registry.ProbeResult.Authenticated;
import dev.shiprun.runner.registry.ProbeResult.NotARegistry;
import dev.shiprun.runner.registry.ProbeResult.NotChecked;
import dev.shiprun.runner.registry.ProbeResult.TlsProblem;
import dev.shiprun.runner.registry.ProbeResult.Unreachable;
import dev.shiprun.runner.registry.ProbeResult.WrongCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryProbeTest {

  private static final String TOKEN = "made-up-bearer-token-0123456789";
  private static final String WRONG = "made-up-wrong-Passw0rd";

  @TempDir Path temp;

  private final ObjectMapper json = new ObjectMapper();
  private final RegistryProbe strict = new RegistryProbe(RegistryProbe.Options.defaults(), json);
  private final RegistryProbe insecure =
      new RegistryProbe(RegistryProbe.Options.defaults().withInsecure(true), json);
  private final List<HttpServer> servers = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stopServers() {
    release.countDown();
    servers.forEach(s -> s.stop(0));
  }

  /** The result, after checking that no form of the login's secrets is in what it says. */
  private static ProbeResult checked(ProbeResult result, RegistryLogin login) {
    String password = login.password().reveal();
    String basic =
        Base64.getEncoder()
            .encodeToString((login.username() + ":" + password).getBytes(StandardCharsets.UTF_8));
    for (String text : List.of(result.message(), result.toString())) {
      assertFalse(text.contains(password), text);
      assertFalse(text.contains(basic), text);
      assertFalse(text.contains(TOKEN), text);
    }
    assertFalse(result.message().contains("\n"), result.message());
    return result;
  }

  private static void assertMentions(ProbeResult result, String... parts) {
    for (String part : parts) {
      assertTrue(result.message().contains(part), result.message());
    }
  }

  private static ProbeResult probe(RegistryProbe probe, RegistryLogin login) {
    return checked(probe.probe(login), login);
  }

  private static RegistryLogin login(String url, String password) {
    return new RegistryLogin(url, TestRegistry.USERNAME, new Secret(password), "");
  }

  // -- a real registry

  @Test
  void theRightPasswordIsAuthenticated() throws IOException {
    try (TestRegistry registry = TestRegistry.start(temp)) {
      ProbeResult result = probe(insecure, registry.login());
      Authenticated ok = assertInstanceOf(Authenticated.class, result, result.message());
      assertTrue(ok.credentialsChecked());
      assertTrue(result.authenticated());
      assertEquals(
          "authenticated to " + registry.hostPort() + " as " + TestRegistry.USERNAME,
          result.message());
    }
  }

  @Test
  void aWrongPasswordIsWrongCredentials() throws IOException {
    try (TestRegistry registry = TestRegistry.start(temp)) {
      ProbeResult result = probe(insecure, registry.login(WRONG));
      assertInstanceOf(WrongCredentials.class, result, result.message());
      assertFalse(result.authenticated());
      assertTrue(result.message().startsWith("wrong username or password: "), result.message());
    }
  }

  @Test
  void plainHttpIsNotTriedWithoutInsecure() throws IOException {
    try (TestRegistry registry = TestRegistry.start(temp)) {
      ProbeResult result = probe(strict, registry.login());
      assertInstanceOf(NotChecked.class, result, result.message());
      assertMentions(result, "plain http", "pass --insecure");
    }
  }

  @Test
  void aSelfSignedCertificateIsATlsProblemWithItsReason() throws IOException {
    try (TestRegistry registry = TestRegistry.startWithTls(temp)) {
      ProbeResult result = probe(strict, registry.login());
      assertInstanceOf(TlsProblem.class, result, result.message());
      assertMentions(
          result,
          "the certificate of " + registry.hostPort() + " is not accepted",
          "certification path",
          "pass --insecure");
    }
  }

  @Test
  void aSelfSignedCertificateIsAcceptedWhenInsecure() throws IOException {
    try (TestRegistry registry = TestRegistry.startWithTls(temp)) {
      ProbeResult result = probe(insecure, registry.login());
      assertInstanceOf(Authenticated.class, result, result.message());
      assertInstanceOf(WrongCredentials.class, probe(insecure, registry.login(WRONG)));
    }
  }

  @Test
  void httpsToAPlainHttpRegistryIsATlsProblem() throws IOException {
    try (TestRegistry registry = TestRegistry.start(temp)) {
      ProbeResult result =
          probe(insecure, login("https://" + registry.hostPort(), TestRegistry.PASSWORD));
      assertInstanceOf(TlsProblem.class, result, result.message());
      assertMentions(result, "does not speak tls");
    }
  }

  // -- no registry

  @Test
  void aClosedPortIsUnreachableAtItsAddress() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ProbeResult result = probe(insecure, login("http://127.0.0.1:" + port, "made-up-Pw-123"));
    Unreachable unreachable = assertInstanceOf(Unreachable.class, result, result.message());
    assertEquals("127.0.0.1:" + port, unreachable.address());
    assertEquals(
        "registry unreachable at 127.0.0.1:" + port + ": connection refused", result.message());
  }

  @Test
  void aServerThatNeverAnswersIsUnreachableAfterTheRequestTimeout() throws IOException {
    int port =
        serve(
            "/",
            exchange -> {
              awaitRelease();
              exchange.close();
            });
    RegistryProbe impatient =
        new RegistryProbe(
            new RegistryProbe.Options(true, Duration.ofSeconds(2), Duration.ofMillis(300)), json);
    ProbeResult result = probe(impatient, login("http://127.0.0.1:" + port, "made-up-Pw-123"));
    assertInstanceOf(Unreachable.class, result, result.message());
    assertTrue(result.message().endsWith("no answer within 300 ms"), result.message());
  }

  @Test
  void aWebServerIsNotARegistry() throws IOException {
    int port = serve("/", exchange -> respond(exchange, 200, "<html>hello</html>"));
    ProbeResult result = probe(insecure, login("http://127.0.0.1:" + port, "made-up-Pw-123"));
    assertInstanceOf(NotARegistry.class, result, result.message());
    assertMentions(result, "Docker-Distribution-API-Version");

    int missing = serve("/", exchange -> respond(exchange, 404, "not found"));
    result = probe(insecure, login("http://127.0.0.1:" + missing + "/team", "made-up-Pw-123"));
    assertEquals(
        "not a registry: http://127.0.0.1:"
            + missing
            + "/v2/ answered 404; check the integration's url",
        result.message());
  }

  @Test
  void aServerThatEchoesThePasswordBackDoesNotGetItIntoTheMessage() throws IOException {
    String password = "made-up-Echoed-Pw";
    int port =
        serve(
            "/",
            exchange -> {
              exchange.getResponseHeaders().add("Location", "/x?pw=" + password);
              respond(exchange, 302, "");
            });
    ProbeResult result = probe(insecure, login("http://127.0.0.1:" + port, password));
    assertInstanceOf(NotARegistry.class, result, result.message());
    assertMentions(result, "a redirect to /x?pw=***");
  }

  // -- registries a real one cannot stand in for

  @Test
  void anOpenRegistryIsAuthenticatedWithoutCheckingTheCredentials() throws IOException {
    int port =
        serve(
            "/v2/",
            exchange -> {
              exchange.getResponseHeaders().add("Docker-Distribution-API-Version", "registry/2.0");
              respond(exchange, 200, "{}");
            });
    ProbeResult result = probe(insecure, login("http://127.0.0.1:" + port, "made-up-Pw-123"));
    Authenticated ok = assertInstanceOf(Authenticated.class, result, result.message());
    assertFalse(ok.credentialsChecked());
    assertMentions(result, "asks for no credentials at all");
  }

  @Test
  void aBearerTokenFromTheRealmAuthenticates() throws IOException {
    List<String> tokenQueries = new CopyOnWriteArrayList<>();
    int port = tokenRegistry(tokenQueries);
    ProbeResult result = probe(insecure, login("http://127.0.0.1:" + port, TestRegistry.PASSWORD));
    assertInstanceOf(Authenticated.class, result, result.message());
    assertEquals(List.of("service=made+up+registry"), tokenQueries);
  }

  @Test
  void aBearerRealmThatRefusesThePasswordIsWrongCredentials() throws IOException {
    int port = tokenRegistry(new CopyOnWriteArrayList<>());
    ProbeResult result = probe(insecure, login("http://127.0.0.1:" + port, WRONG));
    assertInstanceOf(WrongCredentials.class, result, result.message());
  }

  /**
   * A registry that wants a bearer token from its realm {@code /token}, which hands {@link #TOKEN}
   * out for the test registry's user and password only; records the realm's queries.
   */
  private int tokenRegistry(List<String> tokenQueries) throws IOException {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (TestRegistry.USERNAME + ":" + TestRegistry.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8));
    HttpServer server = server();
    int port = server.getAddress().getPort();
    server.createContext(
        "/v2/",
        exchange -> {
          exchange.getResponseHeaders().add("Docker-Distribution-API-Version", "registry/2.0");
          if (("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 200, "{}");
            return;
          }
          exchange
              .getResponseHeaders()
              .add(
                  "WWW-Authenticate",
                  "Bearer realm=\"http://127.0.0.1:"
                      + port
                      + "/token\",service=\"made up registry\"");
          respond(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
        });
    server.createContext(
        "/token",
        exchange -> {
          tokenQueries.add(exchange.getRequestURI().getRawQuery());
          if (basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 200, "{\"token\":\"" + TOKEN + "\",\"expires_in\":60}");
          } else {
            respond(exchange, 401, "{\"details\":\"incorrect username or password\"}");
          }
        });
    server.start();
    return port;
  }

  private int serve(String path, HttpHandler handler) throws IOException {
    HttpServer server = server();
    server.createContext(path, handler);
    server.start();
    return server.getAddress().getPort();
  }

  private HttpServer server() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    servers.add(server);
    return server;
  }

  private void awaitRelease() {
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
