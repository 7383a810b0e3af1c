package dev.shiprun.runner.ci.report;

/**
 * A test that did not pass.
 *
 * @param name {@code classname.name} of its {@code <testcase>} (the name alone without a class)
 * @param outcome whether it failed an assertion or ended with an error
 * @param message the first line of its message, empty when it has none
 */
public record FailedTest(String name, Outcome outcome, String message) {

  /** How a test did not pass, as JUnit XML tells them apart. */
  public enum Outcome {
    FAILED,
    ERROR
  }

  /** One line for the console, e.g. {@code FAILED app.CartTest.total: expected 3 but was 4}. */
  public String line() {
    return outcome + " " + name + (message.isEmpty() ? "" : ": " + message);
  }
}
