package dev.shiprun.runner.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The browser half of bench/web.sh: drives Debian's chromium against a running daemon that holds
 * the generated line and prints one measurement per line ({@code KEY VALUE…}) for the script to sum
 * up. Not a test; run by the script on the test classpath.
 *
 * <pre>
 * WebBench line FILE GROUPS                 writes the generated line's shippable.yml
 * WebBench page BASE LINE LOADS UPDATES     draw time, memory, live-update latency (token from
 *                                           SHIPRUN_API_TOKEN)
 * WebBench static URL LOADS                 draw time and memory of a static page of the same SVG
 * </pre>
 *
 * <p>Printed keys: {@code drawn MS} (navigation start → the page's {@code graph-drawn} mark),
 * {@code painted MS} (→ the first frame after it), {@code heap BYTES} (CDP Performance.getMetrics
 * JSHeapUsedSize after a GC), {@code nodes N} (DOM nodes), {@code rss KIB} (the largest renderer
 * process of the browser), {@code svg BYTES} (the picture's markup), {@code update MS EVENT_MS
 * STATUS} (a run's end → its node's final data-status, and → the raw SSE event), {@code picture MS}
 * (the page's request of the line's SVG, from its start to the answer's end).
 */
public final class WebBench {

  private static final Set<String> FINAL =
      Set.of("success", "failure", "error", "cancelled", "timeout", "interrupted");

  /**
   * Installed into every document before its own scripts (CDP): marks {@code graph-painted} in the
   * first task after the frame that follows {@code graph-drawn}, or, on a page without that mark,
   * after the load event.
   */
  private static final String PAINT_PROBE =
      """
      (() => {
        const painted = () => requestAnimationFrame(() => setTimeout(() =>
          performance.mark('graph-painted')));
        new PerformanceObserver((list) => {
          if (list.getEntries().some((e) => e.name === 'graph-drawn')) painted();
        }).observe({ type: 'mark', buffered: true });
        addEventListener('load', () => {
          if (document.querySelector('body > svg.shiprun-line')) painted();
        });
      })();
      """;

  /**
   * The loads follow one another in one tab: each page left would stay in the back/forward cache
   * with its event stream open, and six of those hold every connection chromium allows one host.
   */
  private static final List<String> NO_BACK_FORWARD_CACHE =
      List.of("--disable-features=BackForwardCache");

  private final PrintStream out;

  private WebBench(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    WebBench bench = new WebBench(System.out);
    switch (args.length == 0 ? "" : args[0]) {
      case "line" ->
          Files.writeString(
              Path.of(args[1]),
              new WebBenchLine(Integer.parseInt(args[2])).yaml(),
              StandardCharsets.UTF_8);
      case "page" ->
          bench.page(
              args[1],
              args[2],
              Integer.parseInt(args[3]),
              Integer.parseInt(args[4]),
              System.getenv("SHIPRUN_API_TOKEN"));
      case "static" -> bench.staticPage(args[1], Integer.parseInt(args[2]));
      default -> {
        System.err.println(
            "usage: WebBench line FILE GROUPS | page BASE LINE LOADS UPDATES | static URL LOADS");
        System.exit(2);
      }
    }
  }

  /** The daemon's page at {@code base} (ending in /), signed in with {@code token}. */
  private void page(String base, String line, int loads, int updates, String token)
      throws Exception {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("give the daemon's token in SHIPRUN_API_TOKEN");
    }
    try (Browser browser = Browser.start(1280, 900, NO_BACK_FORWARD_CACHE)) {
      ChromeDriver driver = browser.driver();
      probePaint(driver);
      driver.get(base);
      browser
          .waitUpTo(Duration.ofSeconds(30))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form#signin")));
      WebElement field = driver.findElement(By.cssSelector("#token"));
      field.sendKeys(token);
      driver.findElement(By.cssSelector("form#signin [type=submit]")).click();
      browser
          .waitUpTo(Duration.ofSeconds(30))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#signout")));
      String url = base + "#/lines/" + line;
      for (int i = 0; i < loads; i++) {
        driver.get("about:blank");
        driver.get(url);
        awaitMark(browser, "graph-painted");
        out.printf("drawn %.1f%n", mark(driver, "graph-drawn"));
        out.printf("painted %.1f%n", mark(driver, "graph-painted"));
        out.printf(
            "picture %.1f%n",
            ((Number)
                    js(driver)
                        .executeScript(
                            "const e = performance.getEntriesByType('resource')"
                                + ".find(r => /\\/api\\/lines\\/[^/]+\\/picture$/.test(r.name));"
                                + " return e ? e.responseEnd - e.startTime : -1"))
                .doubleValue());
      }
      out.printf(
          "svg %d%n",
          ((Number)
                  js(driver)
                      .executeScript(
                          "return new XMLSerializer().serializeToString("
                              + "document.querySelector('#picture svg.shiprun-line')).length"))
              .longValue());
      memory(driver);
      if (updates > 0) {
        updates(browser, base, line, updates, token);
      }
      // The page's first question, whether a session is there, is answered 401 before signing in.
      List<String> errors =
          browser.consoleErrors().stream()
              .filter(e -> !(e.contains("api/session - ") && e.contains("status of 401")))
              .toList();
      if (!errors.isEmpty()) {
        out.println("console-errors " + errors.size());
        errors.forEach(e -> System.err.println("console: " + e));
      }
    }
  }

  /** A plain page holding the same SVG, from a plain HTTP server: the browser's own work. */
  private void staticPage(String url, int loads) throws Exception {
    try (Browser browser = Browser.start(1280, 900, NO_BACK_FORWARD_CACHE)) {
      ChromeDriver driver = browser.driver();
      probePaint(driver);
      for (int i = 0; i < loads; i++) {
        driver.get("about:blank");
        driver.get(url);
        awaitMark(browser, "graph-painted");
        out.printf(
            "drawn %.1f%n",
            ((Number)
                    js(driver)
                        .executeScript(
                            "return performance.getEntriesByType('navigation')[0]"
                                + ".domContentLoadedEventEnd"))
                .doubleValue());
        out.printf("painted %.1f%n", mark(driver, "graph-painted"));
      }
      memory(driver);
    }
  }

  private static void probePaint(ChromeDriver driver) {
    driver.executeCdpCommand("Page.enable", Map.of());
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", PAINT_PROBE));
  }

  private static void awaitMark(Browser browser, String name) {
    browser
        .waitUpTo(Duration.ofSeconds(60))
        .until(
            d ->
                (Boolean)
                    js(d)
                        .executeScript(
                            "return performance.getEntriesByName(arguments[0]).length > 0", name));
  }

  private static double mark(ChromeDriver driver, String name) {
    return ((Number)
            js(driver)
                .executeScript(
                    "return performance.getEntriesByName(arguments[0])[0].startTime", name))
        .doubleValue();
  }

  /** The page's JS heap after a GC and its DOM size (CDP), and the renderer's resident memory. */
  private void memory(ChromeDriver driver) throws IOException {
    driver.executeCdpCommand("HeapProfiler.enable", Map.of());
    driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
    driver.executeCdpCommand("Performance.enable", Map.of());
    Map<String, Object> result = driver.executeCdpCommand("Performance.getMetrics", Map.of());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> metrics = (List<Map<String, Object>>) result.get("metrics");
    for (Map<String, Object> m : metrics) {
      Object name = m.get("name");
      long value = ((Number) m.get("value")).longValue();
      if ("JSHeapUsedSize".equals(name)) {
        out.println("heap " + value);
      } else if ("Nodes".equals(name)) {
        out.println("nodes " + value);
      }
    }
    out.println("rss " + largestRendererKib());
  }

  /** The resident memory (KiB) of the largest chromium renderer process: the tab's. */
  private static long largestRendererKib() throws IOException {
    long largest = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline = Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8);
          if (!cmdline.contains("--type=renderer") || !cmdline.contains("shiprun-chromium-")) {
            continue;
          }
          for (String l : Files.readAllLines(proc.resolve("status"))) {
            if (l.startsWith("VmRSS:")) {
              largest = Math.max(largest, Long.parseLong(l.replaceAll("\\D", "")));
            }
          }
        } catch (IOException gone) {
          // the process ended while we looked
        }
      }
    }
    return largest;
  }

  /**
   * Runs of leaf jobs (each changes one node), one after the other: the time from the run's
   * finishedAt (the daemon's clock) to the moment its node's data-status turned final in the page,
   * and to the moment the page's tab received the SSE event of it on a second, bench-only stream
   * (the same machine's clock).
   */
  private void updates(Browser browser, String base, String line, int updates, String token)
      throws Exception {
    ChromeDriver driver = browser.driver();
    driver.get("about:blank");
    driver.get(base + "#/lines/" + line);
    awaitMark(browser, "graph-painted");
    js(driver)
        .executeScript(
            """
            const FINAL = new Set(arguments[1]);
            window.benchSeen = {};
            window.benchEvents = {};
            const picture = document.querySelector('#picture');
            const look = () => {
              const at = performance.timeOrigin + performance.now();
              for (const name of Object.keys(window.benchWatch || {})) {
                if (window.benchSeen[name]) continue;
                const node = picture.querySelector(
                  `g.node[data-kind=job][data-name="${CSS.escape(name)}"]`);
                if (node && FINAL.has(node.dataset.status)) {
                  window.benchSeen[name] = { at, status: node.dataset.status };
                }
              }
            };
            window.benchWatch = {};
            new MutationObserver(look).observe(picture,
              { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
            const events = new EventSource('api/lines/' + encodeURIComponent(arguments[0]) + '/events');
            events.addEventListener('job', (e) => {
              const at = performance.timeOrigin + performance.now();
              const data = JSON.parse(e.data);
              if (FINAL.has(data.status) && !window.benchEvents[data.runId]) {
                window.benchEvents[data.runId] = at;
              }
            });
            window.benchStream = events;
            """,
            line,
            List.copyOf(FINAL));
    // A run's events reach only the streams open when they happen.
    browser
        .waitUpTo(Duration.ofSeconds(30))
        .until(d -> (Boolean) js(d).executeScript("return window.benchStream.readyState === 1"));
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    URI api = URI.create(base);
    for (int i = 0; i < updates; i++) {
      String job = WebBenchLine.leafJob(i);
      // The job's node must show a status that is not final yet, so the first final one is the
      // end of this run: a leaf job that never ran shows "none".
      String before =
          (String)
              js(driver)
                  .executeScript(
                      "return document.querySelector(`#picture g.node[data-kind=job]"
                          + "[data-name=\"${CSS.escape(arguments[0])}\"]`).dataset.status",
                      job);
      if (FINAL.contains(before)) {
        throw new IllegalStateException(
            job + " already shows " + before + "; measure on a line whose leaf jobs never ran");
      }
      js(driver).executeScript("window.benchWatch[arguments[0]] = true", job);
      HttpResponse<String> queued =
          http.send(
              HttpRequest.newBuilder(api.resolve("api/lines/" + line + "/jobs/" + job + "/runs"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (queued.statusCode() != 202) {
        throw new IllegalStateException("trigger of " + job + ": " + queued.body());
      }
      long runId = json.readTree(queued.body()).get("id").asLong();
      JsonNode run = awaitEnd(http, json, api, token, runId);
      Instant finished = Instant.parse(run.get("finishedAt").asText());
      double finishedMs = finished.getEpochSecond() * 1000.0 + finished.getNano() / 1e6;
      browser
          .waitUpTo(Duration.ofSeconds(30))
          .withMessage(
              () ->
                  "run "
                      + runId
                      + " of "
                      + job
                      + " ended "
                      + run.path("status").asText()
                      + "; the page saw "
                      + js(driver)
                          .executeScript(
                              "return JSON.stringify([window.benchSeen, window.benchEvents,"
                                  + " document.querySelector(`#picture g.node[data-kind=job]"
                                  + "[data-name=\"${CSS.escape(arguments[0])}\"]`)"
                                  + ".dataset.status])",
                              job))
          .until(
              d ->
                  (Boolean)
                      js(d)
                          .executeScript(
                              "return !!window.benchSeen[arguments[0]]"
                                  + " && !!window.benchEvents[arguments[1]]",
                              job,
                              runId));
      @SuppressWarnings("unchecked")
      Map<String, Object> seen =
          (Map<String, Object>)
              js(driver).executeScript("return window.benchSeen[arguments[0]]", job);
      double event =
          ((Number) js(driver).executeScript("return window.benchEvents[arguments[0]]", runId))
              .doubleValue();
      double at = ((Number) seen.get("at")).doubleValue();
      out.printf("update %.1f %.1f %s%n", at - finishedMs, event - finishedMs, seen.get("status"));
    }
    js(driver).executeScript("window.benchStream.close()");
  }

  private static JsonNode awaitEnd(
      HttpClient http, ObjectMapper json, URI api, String token, long runId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(api.resolve("api/runs/" + runId))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode run = json.readTree(r.body());
      if (run.hasNonNull("finishedAt") && FINAL.contains(run.path("status").asText())) {
        return run;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("run " + runId + " did not end within 60 s");
  }

  private static JavascriptExecutor js(org.openqa.selenium.WebDriver driver) {
    return (JavascriptExecutor) driver;
  }
}
