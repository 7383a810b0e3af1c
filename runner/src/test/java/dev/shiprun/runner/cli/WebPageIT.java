package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.web.Browser;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;

/**
 * The daemon's web page in Debian's headless chromium, against the packaged daemon: what a user
 * does on it. The line is samples/image-chain with two jobs of the test beside it: {@code shout},
 * which prints the registry password of the line's integration (made up here) among coloured lines,
 * and {@code long}, a TASK that sleeps for ten minutes unless it is cancelled.
 *
 * <p>With {@code SHIPRUN_SCREENSHOTS=docs/img} (a folder; relative to the checkout) the tests write
 * the screenshots of docs/web.md there, 1280×800.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageIT {

  private static final String TOKEN = "made-up-web-page-token-5d2f";
  private static final String SECRET = "made-up-registry-password-9c41";
  private static final String LINE = "image-chain";
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** What the test adds to the sample: its jobs read nothing that changes, so nothing runs them. */
  private static final String TEST_JOBS =
      """
      jobs:
        - name: shout
          type: runSh
          steps:
            - IN: app-image
              switch: off
            - TASK:
                name: shout
                script:
                  - sleep 1
                  - printf '\\033[32mgreen\\033[0m and \\033[1;31mbold red\\033[0m\\n'
                  - echo "the registry password is $APPIMAGE_INTEGRATION_PASSWORD"
                  - for i in $(seq 1 40); do echo "counting line $i"; done
        - name: long
          type: runSh
          steps:
            - IN: base-image
              switch: off
            - TASK:
                name: wait
                script:
                  - echo "waiting for ten minutes, as $WHO asked"
                  - sleep 600
        - name: many
          type: runSh
          steps:
            - IN: base-image
              switch: off
            - TASK:
                name: print
                script:
                  - seq -f 'line %g of a long log' 1 100000
      """;

  /** A line whose job reads a resource it misspells (at 8:13). */
  private static final String BROKEN =
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
                  - echo deploy
      """;

  private DaemonProcess daemon;
  private String base;
  private Browser browser;
  private final List<String> expectedErrors = new ArrayList<>();

  @BeforeAll
  void startTheDaemonWithTheSampleLine(@TempDir Path temp) throws Exception {
    Path logs = Files.createDirectories(temp.resolve("logs"));
    int port = DaemonProcess.freePort();
    daemon =
        DaemonProcess.start(
            temp.resolve("home"), port, Map.of("SHIPRUN_API_TOKEN", TOKEN), logs, "daemon");
    daemon.awaitReady();
    base = "http://127.0.0.1:" + port + "/";
    ObjectMapper json = new ObjectMapper();
    HttpResponse<String> integration =
        daemon.send(
            "PUT",
            "/api/integrations/registry-creds",
            "application/json",
            json.writeValueAsString(
                Map.of(
                    "type",
                    "dockerRegistryLogin",
                    "fields",
                    Map.of(
                        "url", "https://registry.example.com",
                        "username", "shiprun-ci",
                        "password", SECRET))));
    assertEquals(201, integration.statusCode(), integration.body());
    String sample = Files.readString(checkout().resolve("samples/image-chain/shippable.yml"));
    HttpResponse<String> line =
        daemon.send(
            "PUT",
            "/api/lines/" + LINE,
            "application/json",
            json.writeValueAsString(
                Map.of("files", Map.of("shippable.yml", sample, "shippable.jobs.yml", TEST_JOBS))));
    assertEquals(201, line.statusCode(), line.body());

    // A line in a folder of the node, valid when given, broken by an edit afterwards.
    Path folder = Files.createDirectories(temp.resolve("broken"));
    Files.writeString(folder.resolve("shippable.yml"), BROKEN.replace("app-imgae", "app-image"));
    HttpResponse<String> broken =
        daemon.send(
            "PUT",
            "/api/lines/broken",
            "application/json",
            json.writeValueAsString(Map.of("path", folder.toString())));
    assertEquals(201, broken.statusCode(), broken.body());
    Files.writeString(folder.resolve("shippable.yml"), BROKEN);
  }

  @AfterAll
  void stopTheDaemon() throws Exception {
    if (daemon != null) {
      daemon.process().destroyForcibly();
    }
  }

  @BeforeEach
  void openABrowser() throws IOException {
    browser = Browser.start(1280, 800);
    viewport(1280, 800);
    expectedErrors.clear();
  }

  @AfterEach
  void theConsoleHeldNoErrorAndTheBrowserCloses() throws IOException {
    try {
      List<String> errors = new ArrayList<>(browser.consoleErrors());
      errors.removeIf(e -> expectedErrors.stream().anyMatch(e::contains));
      assertEquals(List.of(), errors, "the browser's console");
    } finally {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void aWrongTokenIsRefusedTheRightOneShowsTheLinesAndSignOutEndsTheSession() throws Exception {
    // The page asks whether the browser holds a session (401: not yet) and shows sign-in; the
    // browser logs those refusals, which are the page's normal way of learning it.
    expectSignInRefusals();
    WebDriver page = browser.driver();
    page.get(base);
    WebElement token = waitFor(By.cssSelector("form#signin input#token[type=password]"));
    assertEquals(
        "API token",
        page.findElement(By.cssSelector("label[for=token]")).getText(),
        "the token's label");
    assertTrue(page.getCurrentUrl().endsWith("#/signin"), page.getCurrentUrl());
    token.sendKeys("made-up-wrong-token");
    token.submit();
    WebElement alert = waitFor(By.cssSelector("#signin [role=alert]"));
    assertTrue(alert.getText().contains("refused"), alert.getText());

    token.clear();
    token.sendKeys(TOKEN);
    token.submit();
    WebElement row = waitFor(By.cssSelector("table#lines tr[data-line='" + LINE + "']"));
    assertTrue(row.getText().contains("valid"), row.getText());
    assertEquals("Lines · shiprun", page.getTitle());
    assertEquals(
        "1 error",
        page.findElement(By.cssSelector("table#lines tr[data-line=broken] .badge")).getText());
    WebElement diagnostics =
        waitFor(By.cssSelector(".line-diagnostics[data-line=broken] pre.diagnostics"));
    assertTrue(
        diagnostics
            .getText()
            .contains(
                "/broken/shippable.yml:8:13: error[AL107]: job 'deploy' reads unknown resource"
                    + " 'app-imgae'\n  hint: did you mean 'app-image'?"),
        diagnostics.getText());
    assertFalse(page.getPageSource().contains(TOKEN), "no token in the page");
    assertEquals(
        "",
        script("return (localStorage.length + sessionStorage.length) ? 'stored' : ''"),
        "nothing in the browser's storage");

    // A reload keeps the session (the page asks for its CSRF token again).
    page.navigate().refresh();
    waitFor(By.cssSelector("table#lines tr[data-line='" + LINE + "']"));

    // A session the daemon no longer knows: the next request's 401 brings sign-in back, and
    // signing in again returns to the page the user was on.
    // (The cookie's path is /api, so it is deleted from a tab showing an address below it; that
    // tab, a JSON answer and not the page, asks for /favicon.ico, which the daemon refuses.)
    expectedErrors.add(
        "favicon.ico - Failed to load resource: the server responded with a status of 401");
    String pageTab = page.getWindowHandle();
    page.switchTo().newWindow(WindowType.TAB).get(base + "api/version");
    page.manage().deleteAllCookies();
    page.close();
    page.switchTo().window(pageTab);
    page.findElement(By.cssSelector("#nav a[data-nav=integrations]")).click();
    expectedErrors.add(
        "api/integrations - Failed to load resource: the server responded with a status of 401");
    WebElement ended = waitFor(By.cssSelector("#signin-message [role=status]"));
    assertTrue(ended.getText().contains("session has ended"), ended.getText());
    WebElement again = page.findElement(By.id("token"));
    again.sendKeys(TOKEN);
    again.submit();
    waitFor(By.cssSelector("table.integrations"));
    assertTrue(page.getCurrentUrl().endsWith("#/integrations"), page.getCurrentUrl());

    page.findElement(By.id("signout")).click();
    waitFor(By.cssSelector("form#signin"));
    page.get(base + "#/lines/" + LINE);
    waitFor(By.cssSelector("form#signin"));
    assertTrue(page.getCurrentUrl().endsWith("#/signin"), "signed out: " + page.getCurrentUrl());
  }

  @Test
  @Order(2)
  void theGraphShowsEveryNodeAndARunFromThePageChangesItLiveWithItsLogMasked() throws Exception {
    signIn();
    WebDriver page = browser.driver();
    page.get(base + "#/lines/" + LINE);
    waitForGraph();
    JsonNode line = daemon.json("/api/lines/" + LINE);
    for (JsonNode job : line.get("jobs")) {
      WebElement node = node("job", job.get("name").asText());
      assertEquals("0", node.getAttribute("tabindex"));
      assertEquals("link", node.getAttribute("role"));
    }
    for (JsonNode resource : line.get("resources")) {
      node("resource", resource.get("name").asText());
    }
    assertEquals(
        line.get("jobs").size() + line.get("resources").size(),
        page.findElements(By.cssSelector("#picture svg g.node")).size(),
        "one node per job and resource");

    // The keyboard: + zooms the focused picture, 0 fits it again, Enter on a node opens it.
    String fitted = page.findElement(By.cssSelector("#picture svg")).getDomAttribute("viewBox");
    WebElement picture = page.findElement(By.id("picture"));
    picture.sendKeys("+");
    String zoomed = page.findElement(By.cssSelector("#picture svg")).getDomAttribute("viewBox");
    assertFalse(zoomed.equals(fitted), "+ zooms: " + zoomed);
    picture.sendKeys("0");
    assertEquals(
        fitted, page.findElement(By.cssSelector("#picture svg")).getDomAttribute("viewBox"));
    script("document.querySelector('g.node[data-name=\"app-image\"]').focus()");
    new Actions(page).sendKeys(Keys.ENTER).perform();
    browser
        .waitUpTo(WAIT)
        .until(d -> d.getCurrentUrl().endsWith("#/lines/" + LINE + "/resources/app-image"));
    waitFor(By.cssSelector("main h1"));
    page.navigate().back();
    waitForGraph();

    // Every status the node takes from now on, seen on this page without a reload.
    script(
        "window.seen = []; window.notReloaded = true;"
            + " const node = document.querySelector('g.node[data-name=\"shout\"]');"
            + " new MutationObserver(() => window.seen.push(node.getAttribute('data-status')))"
            + ".observe(node, {attributes: true, attributeFilter: ['data-status']});");
    String graph = page.getWindowHandle();

    WebDriver jobTab = page.switchTo().newWindow(WindowType.TAB);
    jobTab.get(base + "#/lines/" + LINE + "/jobs/shout");
    waitFor(By.cssSelector("button#run-now")).click();
    WebElement queued = waitFor(By.cssSelector("#run-form ~ .messages [role=status] a"));
    String runHash = queued.getAttribute("href").replaceAll("^.*#", "#");
    assertTrue(runHash.matches("#/runs/\\d+"), runHash);

    page.switchTo().window(graph);
    browser
        .waitUpTo(WAIT)
        .until(d -> "success".equals(node("job", "shout").getAttribute("data-status")));
    assertTrue(node("job", "shout").getAttribute("class").contains("status-success"));
    assertEquals(Boolean.TRUE, script("return window.notReloaded === true"), "no reload");
    @SuppressWarnings("unchecked")
    List<String> seen = (List<String>) script("return window.seen");
    assertTrue(
        seen.contains("processing") && seen.indexOf("processing") < seen.indexOf("success"),
        "the node went through processing to success: " + seen);

    // The run's page: the log streams in, coloured, the secret masked.
    page.switchTo()
        .window(
            page.getWindowHandles().stream()
                .filter(h -> !h.equals(graph))
                .findFirst()
                .orElseThrow())
        .close();
    page.switchTo().window(graph);
    page.get(base + runHash);
    waitFor(By.cssSelector("#run-status[data-status=success]"));
    WebElement secretLine =
        browser
            .waitUpTo(WAIT)
            .until(
                d ->
                    d.findElements(By.cssSelector("#log .line")).stream()
                        .filter(l -> l.getText().contains("the registry password is"))
                        .findFirst()
                        .orElse(null));
    assertTrue(secretLine.getText().endsWith("the registry password is ***"), secretLine.getText());
    assertFalse(page.getPageSource().contains(SECRET), "the secret is nowhere in the page");
    WebElement green = page.findElement(By.cssSelector("#log .line .tx span.fg2"));
    assertEquals("green", green.getText());
    assertTrue(
        page.findElement(By.cssSelector("#log .line .tx span.fg1.b")).getText().equals("bold red"));
    assertFalse(
        page.findElement(By.id("log")).getText().contains("\u001b"), "no escape sequence shown");
    waitFor(By.cssSelector("#steps tr[data-step][data-status=success]"));

    // A line's number is a link to it: the address names the line, which is shown highlighted.
    WebElement ln = page.findElement(By.cssSelector("#L30 a"));
    ln.click();
    browser.waitUpTo(WAIT).until(d -> d.getCurrentUrl().endsWith(runHash + "/L30"));
    WebElement target = waitFor(By.cssSelector("#log .line.target"));
    assertEquals("L30", target.findElement(By.cssSelector(".ln")).getAttribute("id"));
    page.get(base + runHash + "/L12");
    page.navigate().refresh();
    WebElement linked = waitFor(By.cssSelector("#log .line.target"));
    assertEquals("L12", linked.findElement(By.cssSelector(".ln")).getAttribute("id"));
    assertEquals(
        Boolean.TRUE,
        script(
            "const r = document.querySelector('#log .line.target').getBoundingClientRect();"
                + " const box = document.getElementById('log').getBoundingClientRect();"
                + " return r.top >= box.top && r.bottom <= box.bottom;"),
        "the linked line is scrolled into view");

    // Search: every match marked, next and previous move between them.
    searchTheLog("counting line 1", "1 of 11");
    page.findElement(By.id("log-next")).click();
    assertEquals("2 of 11", page.findElement(By.id("log-matches")).getText());
    assertEquals(11, page.findElements(By.cssSelector("#log mark")).size());
    screenshot("run.png");
  }

  @Test
  @Order(3)
  void aLongRunIsCancelledFromItsJobPage() throws Exception {
    signIn();
    WebDriver page = browser.driver();
    page.get(base + "#/lines/" + LINE + "/jobs/long");
    waitFor(By.cssSelector("button.add-variable")).click();
    page.findElement(By.cssSelector("#run-form .var-name")).sendKeys("WHO");
    page.findElement(By.cssSelector("#run-form .var-value")).sendKeys("me");
    page.findElement(By.id("run-now")).click();
    WebElement row = waitFor(By.cssSelector("table.runs tr[data-status=processing] button.cancel"));
    long id =
        Long.parseLong(
            page.findElement(By.cssSelector("table.runs tr[data-status=processing]"))
                .getAttribute("data-run"));
    row.click();
    waitFor(By.cssSelector("table.runs tr[data-run='" + id + "'][data-status=cancelled]"));
    assertEquals("cancelled", daemon.json("/api/runs/" + id).get("status").asText());
    assertTrue(
        daemon.send("GET", "/api/runs/" + id + "/log", null, null).body().contains("as me asked"),
        "the run got the variable of the form");
    assertTrue(
        page.findElements(By.cssSelector("table.runs tr[data-run='" + id + "'] button.cancel"))
            .isEmpty(),
        "an ended run has no cancel button");
    screenshot("job.png");

    page.get(base + "#/lines");
    WebElement lines = waitFor(By.cssSelector("table#lines tr[data-line='" + LINE + "']"));
    browser.waitUpTo(WAIT).until(d -> lines.getText().contains("cancelled"));
    screenshot("lines.png");
  }

  @Test
  @Order(4)
  void anIntegrationIsAddedFromThePageShownWithoutItsSecretAndTested() throws Exception {
    signIn();
    WebDriver page = browser.driver();
    page.get(base + "#/integrations");
    WebElement row =
        waitFor(By.cssSelector("table.integrations tr[data-integration=registry-creds]"));
    assertTrue(row.getText().contains("***"), row.getText());
    assertFalse(page.getPageSource().contains(SECRET), "no secret on the integrations page");

    // A registry that is not there: the test's answer says so.
    int closed = DaemonProcess.freePort();
    page.findElement(By.id("integration-name")).sendKeys("local-registry");
    assertEquals("password", page.findElement(By.id("field-password")).getAttribute("type"));
    page.findElement(By.id("field-url")).sendKeys("http://127.0.0.1:" + closed);
    page.findElement(By.id("field-username")).sendKeys("someone");
    page.findElement(By.id("field-password")).sendKeys("made-up-local-password");
    page.findElement(By.id("integration-save")).click();
    WebElement added =
        waitFor(By.cssSelector("table.integrations tr[data-integration=local-registry]"));
    assertEquals(
        "***",
        daemon.json("/api/integrations/local-registry").get("fields").get("password").asText());
    added.findElement(By.cssSelector("input.insecure")).click();
    added.findElement(By.cssSelector("button.test")).click();
    WebElement outcome =
        waitFor(
            By.cssSelector(
                "tr[data-integration=local-registry] .test-result [data-outcome=unreachable]"));
    assertTrue(outcome.getText().contains("127.0.0.1:" + closed), outcome.getText());
  }

  @Test
  @Order(5)
  void atAPhoneWidthNoPageScrollsSideways() throws Exception {
    signIn();
    viewport(360, 740);
    long run = daemon.runs(LINE).get(0).get("id").asLong();
    for (String hash :
        List.of(
            "#/lines",
            "#/lines/" + LINE,
            "#/lines/" + LINE + "/jobs/shout",
            "#/runs/" + run,
            "#/lines/" + LINE + "/resources/app-image",
            "#/integrations")) {
      browser.driver().get(base + hash);
      waitFor(By.cssSelector("main h1"));
      browser.waitUpTo(WAIT).until(d -> d.findElements(By.cssSelector("main .loading")).isEmpty());
      assertEquals(
          Boolean.TRUE,
          script("return document.documentElement.scrollWidth <= window.innerWidth"),
          hash + " is wider than the phone");
    }
  }

  @Test
  @Order(6)
  void aLogOfAHundredThousandLinesIsDrawnWholeAndSearched() throws Exception {
    // build-app first (then deploy-app, which its version triggers): the line's picture at the
    // end shows most statuses.
    daemon.trigger(LINE, "build-app");
    long id = daemon.trigger(LINE, "many");
    signIn();
    WebDriver page = browser.driver();
    page.get(base + "#/runs/" + id);
    waitFor(By.cssSelector("#run-status[data-status=success]"));
    long lines = daemon.send("GET", "/api/runs/" + id + "/log", null, null).body().lines().count();
    assertTrue(lines > 100_000, "the stored log has " + lines + " lines");
    long start = System.nanoTime();
    browser
        .waitUpTo(Duration.ofMinutes(2))
        .until(d -> !d.findElements(By.id("L" + lines)).isEmpty());
    System.out.printf(
        "WebPageIT: %d lines drawn %d ms after the run's page showed its end%n",
        lines, (System.nanoTime() - start) / 1_000_000);
    assertEquals(
        lines,
        ((Number) script("return document.querySelectorAll('#log .line').length")).longValue(),
        "one element per line");

    searchTheLog("line 99999 of", "1 of 1");
    WebElement current = waitFor(By.cssSelector("#log .line.current"));
    assertEquals("line 99999 of a long log", current.findElement(By.cssSelector(".tx")).getText());

    // The version build-app made, on its resource's page, with a link to the run.
    page.get(base + "#/lines/" + LINE + "/resources/app-image");
    WebElement version = waitFor(By.cssSelector("table.versions tbody tr"));
    assertTrue(version.getText().contains("0.1."), version.getText());
    assertTrue(
        version.findElement(By.cssSelector("a")).getAttribute("href").matches(".*#/runs/\\d+"));

    page.get(base + "#/lines/" + LINE);
    waitForGraph();
    assertEquals("success", node("job", "deploy-app").getAttribute("data-status"));
    screenshot("line.png");
  }

  /** Types text into the log's search box and waits for the count of matches it should give. */
  private void searchTheLog(String text, String count) {
    browser.driver().findElement(By.id("log-search")).sendKeys(text);
    browser.waitUpTo(WAIT).until(d -> d.findElement(By.id("log-matches")).getText().equals(count));
  }

  /** Signs in through the form, as a user does. */
  private void signIn() {
    expectSignInRefusals();
    WebDriver page = browser.driver();
    page.get(base + "#/signin");
    WebElement token = waitFor(By.id("token"));
    token.sendKeys(TOKEN);
    token.submit();
    waitFor(By.cssSelector("table#lines"));
  }

  /** A browser logs the 401 of the page's "is there a session?" question as an error. */
  private void expectSignInRefusals() {
    expectedErrors.add(
        "api/session - Failed to load resource: the server responded with a status of 401");
  }

  private void waitForGraph() {
    browser
        .waitUpTo(WAIT)
        .until(
            d ->
                Boolean.TRUE.equals(
                    script(
                        "return performance.getEntriesByName('graph-drawn').length > 0"
                            + " && document.querySelector('#picture svg') !== null")));
  }

  private WebElement node(String kind, String name) {
    return browser
        .driver()
        .findElement(
            By.cssSelector(
                "#picture svg g.node[data-kind='" + kind + "'][data-name='" + name + "']"));
  }

  private WebElement waitFor(By by) {
    return browser
        .waitUpTo(WAIT)
        .until(
            d -> {
              try {
                List<WebElement> found = d.findElements(by);
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
              } catch (WebDriverException stale) {
                return null;
              }
            });
  }

  /** Sizes the window so that the page itself gets width × height CSS pixels. */
  private void viewport(int width, int height) {
    WebDriver.Window window = browser.driver().manage().window();
    Dimension outer = window.getSize();
    long innerWidth = (Long) script("return window.innerWidth");
    long innerHeight = (Long) script("return window.innerHeight");
    window.setSize(
        new Dimension(
            outer.width + width - (int) innerWidth, outer.height + height - (int) innerHeight));
  }

  private Object script(String js) {
    return ((JavascriptExecutor) browser.driver()).executeScript(js);
  }

  private void screenshot(String name) throws IOException {
    String folder = System.getenv("SHIPRUN_SCREENSHOTS");
    if (folder == null || folder.isBlank()) {
      return;
    }
    Path dir = checkout().resolve(folder);
    browser.screenshot(dir.resolve(name));
  }

  private static Path checkout() {
    return Path.of(System.getProperty("shiprun.checkout", "..")).toAbsolutePath().normalize();
  }
}
