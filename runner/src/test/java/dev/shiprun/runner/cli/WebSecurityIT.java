package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.shiprun.runner.web.Browser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web page's sign-in against {@code shiprun daemon} of the packaged jar, in Debian's headless
 * chromium: a wrong token is refused and sets no cookie; the session cookie is HttpOnly and
 * SameSite=Strict; a state-changing request without the CSRF token, from the page itself or from a
 * form of another origin or another site, makes no run; after sign-out the old cookie opens
 * nothing; the token is in no URL, no web storage and no log of the daemon.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WebSecurityIT {

  private static final String TOKEN = "made-up-api-token-for-the-page";
  private static final String LINE = "web";
  private static final String JOB = "hello";
  private static final String RUNS = "api/lines/" + LINE + "/jobs/" + JOB + "/runs";

  @TempDir Path temp;

  private PageDaemon page;
  private DaemonProcess daemon;
  private Browser browser;
  private final List<HttpServer> otherOrigins = new ArrayList<>();
  private String base;
  private final List<String> visited = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    String yaml =
        """
        jobs:
          - name: hello
            type: runSh
            steps:
              - TASK:
                  script:
                    - echo "hello from the page's line"
        """;
    page = PageDaemon.start(temp, TOKEN, LINE, yaml);
    daemon = page.daemon();
    browser = page.browser();
    base = "http://127.0.0.1:" + page.port() + "/";
  }

  @AfterEach
  void stop() throws Exception {
    otherOrigins.forEach(server -> server.stop(0));
    if (page != null) {
      page.close();
    }
  }

  @Test
  void signInSessionCookieCsrfAndSignOutKeepTheTokenOutOfTheBrowser() throws Exception {
    ChromeDriver driver = browser.driver();
    driver.get(base);

    // A wrong token: an error on the form, no cookie.
    SignInForm.submit(browser, "made-up-wrong-token");
    browser
        .waitUpTo(Duration.ofSeconds(20))
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form#signin [role=alert]")));
    assertFalse(
        driver.findElement(By.cssSelector("form#signin [role=alert]")).getText().isBlank(),
        "the refusal says why");
    assertEquals(List.of(), List.copyOf(driver.manage().getCookies()), "no cookie after a refusal");
    assertEquals(List.of(), allCookies(), "no cookie after a refusal");

    // The right token: a session cookie the page's scripts cannot read, never sent cross-site.
    SignInForm.signIn(browser, TOKEN);
    // The cookie has no Path, so the browser keeps it for /api (the folder of api/session), where
    // WebDriver's cookie list of the page at / does not look: ask the browser itself (CDP).
    List<Map<String, Object>> cookies = allCookies();
    assertEquals(1, cookies.size(), () -> "cookies: " + cookies);
    Map<String, Object> session = cookies.get(0);
    assertEquals("shiprun_session", session.get("name"));
    assertEquals(true, session.get("httpOnly"), "HttpOnly");
    assertEquals("Strict", session.get("sameSite"));
    assertEquals("/api", session.get("path"));
    String sessionValue = (String) session.get("value");
    driver.get(base + "api/session");
    String visible = (String) js().executeScript("return document.cookie");
    assertFalse(visible.contains("shiprun_session"), visible);
    assertFalse(visible.contains(sessionValue), visible);
    driver.get(base);
    browser
        .waitUpTo(Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(SignInForm.SIGN_OUT));

    // The page's own origin without the CSRF header: 403 and no run.
    assertEquals(403, fetchStatus("fetch('" + RUNS + "', {method: 'POST'})"));
    assertEquals(List.of(), daemon.runs(LINE), "no run without the CSRF token");

    // A form of another origin on the same site (the cookie goes, the header cannot): 403; of
    // another site (127.0.0.2: SameSite=Strict keeps the cookie back): 401. No run either way.
    visited.addAll(SignInForm.urlsOfThisDocument(browser));
    assertEquals(403, submitForeignForm(formServer("127.0.0.1", base + RUNS)));
    assertEquals(401, submitForeignForm(formServer("127.0.0.2", base + RUNS)));
    assertEquals(List.of(), daemon.runs(LINE), "no run from another origin");

    // The same request with the header the page holds is accepted: the 403 above was the CSRF rule.
    driver.get(base);
    browser
        .waitUpTo(Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(SignInForm.SIGN_OUT));
    assertEquals(
        202,
        fetchStatus(
            "fetch('api/session').then(r => r.json()).then(s => fetch('"
                + RUNS
                + "', {method: 'POST', headers: {'X-CSRF-Token': s.csrf,"
                + " 'Content-Type': 'application/json'}, body: '{}'}))"));
    assertEquals(1, daemon.runs(LINE).size());

    // Nothing of the token in the browser's storage.
    String storage =
        (String)
            js().executeScript(
                    "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)");
    assertFalse(storage.contains(TOKEN), storage);

    // Sign out: the sign-in form again, and the old cookie opens nothing.
    visited.addAll(SignInForm.urlsOfThisDocument(browser));
    driver.findElement(SignInForm.SIGN_OUT).click();
    browser
        .waitUpTo(Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(SignInForm.FORM));
    visited.addAll(SignInForm.urlsOfThisDocument(browser));
    HttpResponse<String> after =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "api/lines"))
                    .header("Cookie", "shiprun_session=" + sessionValue)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(401, after.statusCode(), after.body());

    assertFalse(visited.isEmpty());
    for (String url : visited) {
      assertFalse(url.contains(TOKEN), "the token in a URL: " + url);
    }
    for (Path log : daemonLogs()) {
      assertFalse(
          Files.readString(log, StandardCharsets.ISO_8859_1).contains(TOKEN),
          "the token in " + log);
    }
    assertEquals(
        List.of(),
        SignInForm.unexpectedConsoleErrors(browser, 401, 403),
        "console errors but the refusals the test asked for");
  }

  /** The status the page's {@code promise} of a fetch ends with (run in the page's origin). */
  private long fetchStatus(String promise) {
    Object status =
        js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + promise
                    + ".then(r => done(r.status), e => done(String(e)));");
    assertTrue(status instanceof Number, () -> "the fetch failed: " + status);
    return ((Number) status).longValue();
  }

  /**
   * Opens the page of {@code origin} and submits its form to the daemon; the status of the answer
   * the browser navigated to.
   */
  private long submitForeignForm(String origin) {
    ChromeDriver driver = browser.driver();
    driver.get(origin);
    driver.findElement(By.cssSelector("form#forged button")).click();
    browser.waitUpTo(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(base));
    browser
        .waitUpTo(Duration.ofSeconds(20))
        .until(
            d ->
                ((Number)
                            ((JavascriptExecutor) d)
                                .executeScript(
                                    "const n = performance.getEntriesByType('navigation')[0];"
                                        + " return n ? n.responseStatus : 0"))
                        .longValue()
                    > 0);
    visited.addAll(SignInForm.urlsOfThisDocument(browser));
    return ((Number)
            js().executeScript(
                    "return performance.getEntriesByType('navigation')[0].responseStatus"))
        .longValue();
  }

  /**
   * A plain HTTP server on a free port of loopback address {@code host} serving a page whose form
   * POSTs to {@code target}; the page's URL.
   */
  private String formServer(String host, String target) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 0);
    otherOrigins.add(server);
    server.createContext(
        "/",
        exchange -> {
          byte[] page =
              ("<!doctype html><html lang=en><title>another site</title>"
                      + "<form id=forged method=post enctype=text/plain action=\""
                      + target
                      + "\"><input type=hidden name=x value=y><button>Go</button></form>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    server.start();
    return "http://" + host + ":" + server.getAddress().getPort() + "/";
  }

  /** The daemon's own output and every log file under its home. */
  private List<Path> daemonLogs() throws IOException {
    List<Path> logs =
        new ArrayList<>(List.of(temp.resolve("daemon.out"), temp.resolve("daemon.err")));
    try (Stream<Path> walk = Files.walk(temp.resolve("home"))) {
      walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".log"))
          .forEach(logs::add);
    }
    return logs;
  }

  /** Every cookie the browser holds, for any path (CDP Network.getAllCookies). */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> allCookies() {
    return (List<Map<String, Object>>)
        browser.driver().executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
  }

  private JavascriptExecutor js() {
    return browser.driver();
  }
}
