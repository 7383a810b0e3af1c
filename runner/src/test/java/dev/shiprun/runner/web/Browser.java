package dev.shiprun.runner.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through its chromedriver, for the web page's tests: a fresh
 * profile per browser, the flags this machine needs (no sandbox as root, no background network,
 * which the closed network refuses), the browser's console kept so a test can say it held no error,
 * and screenshots.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;
  private final List<LogEntry> console = new ArrayList<>();

  private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
    this.driver = driver;
    this.service = service;
    this.profile = profile;
  }

  /** Whether this machine has the browser and its driver (the tests need both). */
  public static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** A browser with a window of {@code width}×{@code height} CSS pixels. */
  public static Browser start(int width, int height) throws IOException {
    return start(width, height, List.of());
  }

  /** As {@link #start(int, int)}, with more of chromium's command-line switches. */
  public static Browser start(int width, int height, List<String> switches) throws IOException {
    if (!available()) {
      throw new IllegalStateException(
          "the web page's tests need Debian's chromium and chromium-driver: apt-get install -y"
              + " chromium chromium-driver (.ci/run installs them)");
    }
    Path profile = Files.createTempDirectory("shiprun-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    options.addArguments(switches);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      deleteTree(profile);
      throw e;
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Browser(driver, service, profile);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** A wait for a condition of the page, polled until {@code timeout}. */
  public WebDriverWait waitUpTo(Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(50));
  }

  /** Every console entry of the browser so far (read and kept: the driver hands each out once). */
  public synchronized List<LogEntry> console() {
    console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
    return List.copyOf(console);
  }

  /** The console entries at SEVERE: JavaScript errors, failed loads, CSP refusals. */
  public List<String> consoleErrors() {
    return console().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** A PNG of the window as it is, written to {@code file}. */
  public Path screenshot(Path file) throws IOException {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, png);
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
