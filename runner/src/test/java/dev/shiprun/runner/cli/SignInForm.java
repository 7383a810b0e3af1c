package dev.shiprun.runner.cli;

import dev.shiprun.runner.web.Browser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web page's sign-in form as the browser tests use it, and what they collect from the page:
 * every URL the current document loaded and the console errors that are not an expected refusal.
 */
final class SignInForm {

  static final By FORM = By.cssSelector("form#signin");
  static final By SIGN_OUT = By.cssSelector("#signout");

  private SignInForm() {}

  /** Opens {@code url} (the page), waits for the form, sends {@code token}. */
  static void submit(Browser browser, String token) {
    browser
        .waitUpTo(Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(FORM));
    WebElement field = browser.driver().findElement(By.cssSelector("form#signin #token"));
    field.clear();
    field.sendKeys(token);
    browser.driver().findElement(By.cssSelector("form#signin [type=submit]")).click();
  }

  /** Signs in with the right token and waits for the sign-out button. */
  static void signIn(Browser browser, String token) {
    submit(browser, token);
    browser
        .waitUpTo(Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(SIGN_OUT));
  }

  /** The document's own URL and every resource it loaded (fetches and event streams included). */
  @SuppressWarnings("unchecked")
  static List<String> urlsOfThisDocument(Browser browser) {
    List<String> urls = new ArrayList<>();
    urls.add(browser.driver().getCurrentUrl());
    urls.addAll(
        (List<String>)
            ((JavascriptExecutor) browser.driver())
                .executeScript(
                    "return performance.getEntries()"
                        + ".filter(e => e.entryType === 'navigation' || e.entryType === 'resource')"
                        + ".map(e => e.name)"));
    return urls;
  }

  /**
   * The console errors but the browser's report of an answer with one of {@code expected} statuses
   * ("… the server responded with a status of 401 (Unauthorized)"), which a refused request a test
   * makes on purpose leaves.
   */
  static List<String> unexpectedConsoleErrors(Browser browser, int... expected) {
    return browser.consoleErrors().stream()
        .filter(
            m -> {
              for (int status : expected) {
                if (m.contains("status of " + status + " ")) {
                  return false;
                }
              }
              return true;
            })
        .toList();
  }
}
