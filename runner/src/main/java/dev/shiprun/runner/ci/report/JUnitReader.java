package dev.shiprun.runner.ci.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the JUnit XML files of a folder ({@code shippable/testresults/}) as maven-surefire, pytest,
 * jest-junit, go-junit-report and mocha-junit-reporter write them: a {@code <testsuite>} or {@code
 * <testsuites>} root, suites nested in suites. The totals come from the {@code <testcase>}
 * elements; a file without any falls back to its suites' {@code tests}, {@code failures}, {@code
 * errors}, {@code skipped} and {@code time} attributes. A file that cannot be read is a warning.
 */
public final class JUnitReader {

  static final String LABEL = "test results";

  private static final int MAX_MESSAGE = 200;

  private final ReportFolder folder;
  private final ReportXml xml = new ReportXml();

  public JUnitReader() {
    this(ReportFolder.DEFAULT_MAX_FILE_BYTES);
  }

  JUnitReader(long maxFileBytes) {
    this.folder = new ReportFolder(maxFileBytes);
  }

  /** The totals of every report file of the folder; a missing or empty folder has no results. */
  public TestResults read(Path dir) {
    ReportFolder.Listing listing = folder.list(dir, LABEL);
    List<String> warnings = new ArrayList<>(listing.warnings());
    Totals all = new Totals();
    int files = 0;
    for (Path file : listing.files()) {
      Totals one = new Totals();
      try {
        xml.read(file, stream -> readFile(stream, one));
        all.add(one);
        files++;
      } catch (UnreadableReport e) {
        warnings.add(ReportFolder.warning(LABEL, ReportFolder.relative(dir, file), e.getMessage()));
      }
    }
    return new TestResults(
        files,
        all.tests,
        all.failures,
        all.errors,
        all.skipped,
        Duration.ofNanos(Math.round(all.seconds * 1e9)),
        all.failed,
        warnings);
  }

  private static final class Totals {
    int tests;
    int failures;
    int errors;
    int skipped;
    double seconds;
    final List<FailedTest> failed = new ArrayList<>();

    void add(Totals other) {
      tests += other.tests;
      failures += other.failures;
      errors += other.errors;
      skipped += other.skipped;
      seconds += other.seconds;
      failed.addAll(other.failed);
    }
  }

  /** A suite's own count attributes, and its nested suites, for files without test cases. */
  private record Suite(
      OptionalInt tests,
      OptionalInt failures,
      OptionalInt errors,
      OptionalInt skipped,
      OptionalDouble time,
      List<Suite> children) {

    void addTo(Totals totals) {
      if (tests.isPresent()) {
        totals.tests += tests.getAsInt();
        totals.failures += failures.orElse(0);
        totals.errors += errors.orElse(0);
        totals.skipped += skipped.orElse(0);
        totals.seconds += time.orElse(0);
      } else {
        children.forEach(c -> c.addTo(totals));
      }
    }
  }

  private static void readFile(XMLStreamReader in, Totals totals)
      throws XMLStreamException, UnreadableReport {
    in.nextTag();
    String root = in.getLocalName();
    if (!root.equals("testsuites") && !root.equals("testsuite")) {
      throw new UnreadableReport("is not JUnit XML (its root element is <" + root + ">)");
    }
    Suite top = suite(in);
    Deque<Suite> suites = new ArrayDeque<>();
    suites.push(top);
    boolean anyCase = false;
    while (in.hasNext()) {
      int event = in.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (in.getLocalName()) {
          case "testsuite" -> {
            Suite child = suite(in);
            suites.peek().children().add(child);
            suites.push(child);
          }
          case "testcase" -> {
            anyCase = true;
            testCase(in, totals);
          }
          default -> skipElement(in);
        }
      } else if (event == XMLStreamConstants.END_ELEMENT && in.getLocalName().equals("testsuite")) {
        suites.pop();
      }
    }
    if (!anyCase) {
      top.addTo(totals);
    }
  }

  private static Suite suite(XMLStreamReader in) {
    return new Suite(
        count(in, "tests"),
        count(in, "failures"),
        count(in, "errors"),
        count(in, "skipped"),
        seconds(in.getAttributeValue(null, "time")),
        new ArrayList<>());
  }

  /** Reads one {@code <testcase>} to its end tag: its time and how it ended. */
  private static void testCase(XMLStreamReader in, Totals totals) throws XMLStreamException {
    String className = attribute(in, "classname");
    String name = attribute(in, "name");
    totals.tests++;
    totals.seconds += seconds(in.getAttributeValue(null, "time")).orElse(0);
    FailedTest.Outcome outcome = null;
    String message = "";
    boolean skipped = false;
    int depth = 1;
    while (depth > 0) {
      int event = in.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String child = in.getLocalName();
        if (depth == 1 && outcome == null && (child.equals("failure") || child.equals("error"))) {
          outcome = child.equals("failure") ? FailedTest.Outcome.FAILED : FailedTest.Outcome.ERROR;
          message = message(in);
        } else if (depth == 1 && child.equals("skipped")) {
          skipped = true;
          skipElement(in);
        } else {
          depth++;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    // jest-junit writes the same text in both by default.
    String full = className.isEmpty() || className.equals(name) ? name : className + "." + name;
    if (outcome == FailedTest.Outcome.FAILED) {
      totals.failures++;
      totals.failed.add(new FailedTest(full, outcome, message));
    } else if (outcome == FailedTest.Outcome.ERROR) {
      totals.errors++;
      totals.failed.add(new FailedTest(full, outcome, message));
    } else if (skipped) {
      totals.skipped++;
    }
  }

  /**
   * The first line of a failure's or error's {@code message} attribute, else of its text, else its
   * {@code type}; the reader ends after the element's end tag.
   */
  private static String message(XMLStreamReader in) throws XMLStreamException {
    String attribute = firstLine(attribute(in, "message"));
    String type = attribute(in, "type");
    StringBuilder text = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int event = in.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
          && attribute.isEmpty()
          && text.length() < 4 * MAX_MESSAGE
          && firstLine(text.toString()).isEmpty()) {
        text.append(in.getText(), 0, Math.min(in.getTextLength(), 4 * MAX_MESSAGE));
      }
    }
    String message = !attribute.isEmpty() ? attribute : firstLine(text.toString());
    return message.isEmpty() ? firstLine(type) : message;
  }

  /** Reads past the element the reader is on, to its end tag. */
  private static void skipElement(XMLStreamReader in) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = in.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  static String firstLine(String text) {
    String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE - 1) + "…" : line;
  }

  private static String attribute(XMLStreamReader in, String name) {
    String value = in.getAttributeValue(null, name);
    return value == null ? "" : value.strip();
  }

  private static OptionalInt count(XMLStreamReader in, String name) {
    String value = attribute(in, name);
    try {
      return value.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * A {@code time} in seconds; surefire writes thousands separators ("1,234.5") in some versions.
   */
  static OptionalDouble seconds(String value) {
    if (value == null || value.isBlank()) {
      return OptionalDouble.empty();
    }
    try {
      double seconds = Double.parseDouble(value.strip().replace(",", ""));
      return Double.isFinite(seconds) && seconds >= 0
          ? OptionalDouble.of(seconds)
          : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }
}
