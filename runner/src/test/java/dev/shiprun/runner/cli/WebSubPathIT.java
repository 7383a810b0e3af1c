package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.web.Browser;
import dev.shiprun.runner.web.Nginx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The web page behind a reverse proxy at a sub-path: Debian's nginx passes {@code /ci/} to {@code
 * shiprun daemon} of the packaged jar, and the page at {@code http://127.0.0.1:N/ci/} signs in,
 * draws a line, follows a job's status and a run's log live through the proxy (server-sent events),
 * and asks for nothing outside {@code /ci/}.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WebSubPathIT {

  private static final String TOKEN = "made-up-api-token-behind-the-proxy";
  private static final String LINE = "proxied";
  private static final String JOB = "stream";

  @TempDir Path temp;

  private PageDaemon page;
  private DaemonProcess daemon;
  private Nginx nginx;
  private Browser browser;

  @BeforeEach
  void start() throws Exception {
    Path gate = temp.resolve("gate");
    // The run writes a first line, then waits for the test to open the gate: its log can only
    // reach the page while it runs if it streams.
    String yaml =
        """
        resources:
          - name: settings
            type: params
            versionTemplate:
              params:
                GREETING: hello
        jobs:
          - name: stream
            type: runSh
            steps:
              - IN: settings
              - TASK:
                  script:
                    - echo "first line of the made-up log"
                    - while [ ! -e '%s' ]; do sleep 0.1; done
                    - echo "second line of the made-up log"
        """
            .formatted(gate);
    page = PageDaemon.start(temp, TOKEN, LINE, yaml);
    daemon = page.daemon();
    browser = page.browser();
    nginx = Nginx.start(Files.createDirectories(temp.resolve("nginx")), "/ci/", page.port());
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (nginx != null) {
        nginx.close();
      }
    } finally {
      if (page != null) {
        page.close();
      }
    }
  }

  @Test
  void signsInDrawsTheLineAndStreamsARunsLogThroughTheProxy() throws Exception {
    ChromeDriver driver = browser.driver();
    String base = "http://127.0.0.1:" + nginx.port() + "/ci/";
    driver.get(base);
    SignInForm.signIn(browser, TOKEN);

    // Open the line from the list; its picture is drawn.
    browser
        .waitUpTo(Duration.ofSeconds(20))
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("a[href='#/lines/" + LINE + "']")))
        .click();
    String node = "#picture svg.shiprun-line g.node[data-kind=job][data-name=" + JOB + "]";
    browser
        .waitUpTo(Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(node)));
    browser
        .waitUpTo(Duration.ofSeconds(20))
        .until(
            d ->
                (Boolean)
                    js().executeScript(
                            "return performance.getEntriesByName('graph-drawn').length > 0"));

    // A run begins: the job's node follows it over the line's event stream.
    long run = daemon.trigger(LINE, JOB);
    browser
        .waitUpTo(Duration.ofSeconds(30))
        .until(ExpectedConditions.attributeToBe(By.cssSelector(node), "data-status", "processing"));

    // Its log streams in while it runs, and goes on when the run does.
    driver.get(base + "#/runs/" + run);
    browser
        .waitUpTo(Duration.ofSeconds(30))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "first line of the made-up log"));
    assertEquals(
        "processing",
        daemon.json("/api/runs/" + run).get("status").asText(),
        "the first line came while the run still ran");
    Files.writeString(temp.resolve("gate"), "open\n");
    browser
        .waitUpTo(Duration.ofSeconds(30))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "second line of the made-up log"));

    List<String> outside = new ArrayList<>();
    for (String url : SignInForm.urlsOfThisDocument(browser)) {
      if (!url.startsWith(base)) {
        outside.add(url);
      }
    }
    assertEquals(List.of(), outside, "requests outside " + base);
    Matcher request = Pattern.compile("\"[A-Z]+ (\\S+) HTTP").matcher(nginx.accessLog());
    int requests = 0;
    while (request.find()) {
      requests++;
      assertTrue(request.group(1).startsWith("/ci/"), "nginx was asked for " + request.group(1));
    }
    assertTrue(requests > 0, "nginx logged the page's requests");
    // The page's first question, whether a session is there, is answered 401 before signing in.
    List<String> errors = new ArrayList<>(browser.consoleErrors());
    errors.removeIf(
        e ->
            e.startsWith(base + "api/session - ")
                && e.contains("the server responded with a status of 401"));
    assertEquals(List.of(), errors, "the browser's console");
  }

  private JavascriptExecutor js() {
    return browser.driver();
  }
}
